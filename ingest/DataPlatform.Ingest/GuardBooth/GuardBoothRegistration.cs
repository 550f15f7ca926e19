using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ingest.GuardBooth;

public static class GuardBoothRegistration
{
    /// <summary>Operators (validated on first use by the HTTP server, so a bad account stops the start) and the endpoints.</summary>
    public static IServiceCollection AddGuardBooth(this IServiceCollection services)
    {
        services.AddOptions<GuardBoothOptions>().BindConfiguration("Ingest:GuardBooth");
        services.AddSingleton(sp => new GuardOperators(sp.GetRequiredService<IOptions<GuardBoothOptions>>().Value.Operators));
        services.AddSingleton<WorkAreaSightingEndpoint>();
        services.AddSingleton<GuardBoothAccess>();
        services.AddSingleton<GuardBoothEndpoints>();
        services.AddSingleton<GuardBoothReviewEndpoint>();
        return services;
    }

    public static void MapGuardBooth(this WebApplication app, GuardBoothEndpoints endpoints)
    {
        app.MapPost(GuardBoothEndpoints.InPlantPath, (Delegate)((HttpContext context) => endpoints.InPlantAsync(context)));
        app.MapPost(GuardBoothEndpoints.NonRoadPath, (Delegate)((HttpContext context) => endpoints.NonRoadAsync(context)));
        app.MapPost(GuardBoothEndpoints.ManualPassagePath, (Delegate)((HttpContext context) => endpoints.ManualPassageAsync(context)));
        app.MapPost(WorkAreaSightingEndpoint.Path, (Delegate)((HttpContext context) => endpoints.Sightings.HandleAsync(context)));
    }
}
