using DataPlatform.Processing.Emissions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

// In the role's namespace so ProcessingServiceCollectionExtensions calls it without another using.
namespace DataPlatform.Processing;

public static class EmissionsServiceCollectionExtensions
{
    /// <summary>The emission-readings ledger: consumer of <c>gate.emission-readings</c> writing <c>opacity_readings</c>.
    /// Needs <c>AddStreams</c>, <c>AddLedger</c> and the processing options (the processing role registers them).</summary>
    public static IHostApplicationBuilder AddEmissionReadings(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OpacityReadingWriter>();
        builder.Services.AddSingleton<OpacityReadingConsumer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OpacityReadingConsumer>());
        return builder;
    }
}
