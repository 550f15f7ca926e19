using DataPlatform.Analytics.Http;
using DataPlatform.Cockpit.Access;
using DataPlatform.Cockpit.Monitor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Cockpit;

public static class CockpitServiceCollectionExtensions
{
    /// <summary>The built-in web cockpit (rating cockpit, live gate monitor), served on the analytics role's HTTP
    /// listener under <c>/cockpit/</c>.</summary>
    public static IHostApplicationBuilder AddCockpit(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CockpitOptions>().BindConfiguration("Cockpit").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CockpitAccess>();
        services.AddSingleton<GateMonitorReader>();
        services.AddSingleton<GateMonitorFeed>();
        services.AddSingleton<RatingEndpoints>();
        services.AddSingleton<IAnalyticsEndpoints, CockpitEndpoints>();
        return builder;
    }
}
