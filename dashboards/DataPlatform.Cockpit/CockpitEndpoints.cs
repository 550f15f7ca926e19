using System.Text.Json;
using DataPlatform.Analytics.Http;
using DataPlatform.Cockpit.Access;
using DataPlatform.Cockpit.Monitor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPlatform.Cockpit;

/// <summary>The web cockpit's routes on the analytics listener, all read-only (GET): the pages under
/// <see cref="Path"/>, their assets, the live monitor's snapshot (<c>api/monitor</c>) and its server-sent event
/// stream (<c>api/monitor/stream</c>, one <c>snapshot</c> event whenever the figures change), and the rating
/// (<see cref="RatingEndpoints"/>).</summary>
public sealed class CockpitEndpoints(CockpitAccess access, GateMonitorFeed feed, RatingEndpoints rating) : IAnalyticsEndpoints
{
    public const string Path = "/cockpit/";

    private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal)
    {
        [""] = "index.html",
        ["monitor"] = "monitor.html",
        ["rating"] = "rating.html",
    };

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/cockpit", () => Results.Redirect(Path));
        var group = routes.MapGroup("/cockpit");
        group.AddEndpointFilter(async (context, next) =>
        {
            var (_, denied) = access.Authenticate(context.HttpContext);
            return denied ?? await next(context);
        });
        group.MapGet("/api/monitor", async (HttpContext context, CancellationToken ct) =>
            Results.Json(await feed.CurrentAsync(EnterpriseOf(context), ct), CockpitJsonContext.Default.GateMonitorSnapshot));
        group.MapGet("/api/monitor/stream", StreamAsync);
        group.MapGet("/api/rating", (HttpContext context, CancellationToken ct) => rating.RateAsync(context, EnterpriseOf(context), ct));
        group.MapGet("/api/rating/trend", (HttpContext context, CancellationToken ct) => rating.TrendAsync(context, EnterpriseOf(context), ct));
        group.MapGet("/assets/{**file}", (string file) => Asset(file));
        group.MapGet("/{page?}", (string? page) => Pages.TryGetValue(page ?? "", out var file) ? Asset(file) : Results.NotFound());
    }

    private static IResult Asset(string file) =>
        file.Contains("..", StringComparison.Ordinal) || CockpitAssets.Read(file) is not { } bytes
            ? Results.NotFound()
            : Results.Bytes(bytes, CockpitAssets.ContentType(file));

    /// <summary>Server-sent events: the current snapshot at once, then every change, with a comment line as
    /// keep-alive so proxies keep the stream open. Ends when the page goes away or the host stops.</summary>
    private async Task StreamAsync(HttpContext context, CancellationToken ct)
    {
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var enterprise = EnterpriseOf(context);
        string? last = null;
        var quiet = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var json = JsonSerializer.Serialize(await feed.CurrentAsync(enterprise, ct), CockpitJsonContext.Default.GateMonitorSnapshot);
                if (json != last)
                {
                    await context.Response.WriteAsync($"event: snapshot\ndata: {json}\n\n", ct);
                    last = json;
                    quiet = 0;
                }
                else if (++quiet * feed.Refresh >= TimeSpan.FromSeconds(15))
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", ct);
                    quiet = 0;
                }
                await context.Response.Body.FlushAsync(ct);
                await Task.Delay(feed.Refresh, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page was closed.
        }
    }

    /// <summary>An operator bound to an enterprise sees only it; otherwise <c>?enterprise=</c> picks one (empty: all).</summary>
    private string EnterpriseOf(HttpContext context)
    {
        var (who, _) = access.Authenticate(context);
        if (who is { EnterpriseId.Length: > 0 }) return who.EnterpriseId.Trim();
        return context.Request.Query["enterprise"].FirstOrDefault()?.Trim() ?? "";
    }
}
