using Microsoft.AspNetCore.Routing;

namespace DataPlatform.Analytics.Http;

/// <summary>A group of routes served by the analytics role's HTTP listener. Each part of the analytics stage
/// (waybill import, the web cockpit, report downloads) registers one with
/// <c>services.AddSingleton&lt;IAnalyticsEndpoints, …&gt;()</c> and maps its own route group, so the listener
/// knows none of them.</summary>
public interface IAnalyticsEndpoints
{
    void Map(IEndpointRouteBuilder routes);
}
