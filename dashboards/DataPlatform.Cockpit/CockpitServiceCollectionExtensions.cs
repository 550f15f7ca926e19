using Microsoft.Extensions.Hosting;

namespace DataPlatform.Cockpit;

public static class CockpitServiceCollectionExtensions
{
    /// <summary>The built-in web cockpit, served on the analytics role's HTTP listener.</summary>
    public static IHostApplicationBuilder AddCockpit(this IHostApplicationBuilder builder) => builder;
}
