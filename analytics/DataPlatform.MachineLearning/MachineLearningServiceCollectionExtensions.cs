using Microsoft.Extensions.Hosting;

namespace DataPlatform.MachineLearning;

public static class MachineLearningServiceCollectionExtensions
{
    /// <summary>The analytics stage's models: traffic forecasts and anomaly flags, trained on a schedule.</summary>
    public static IHostApplicationBuilder AddMachineLearning(this IHostApplicationBuilder builder) => builder;
}
