using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Analytics.Http;

/// <summary>
/// The analytics role's HTTP listener: a small Kestrel app inside whatever host composes the role (as ingest's is),
/// serving the route groups registered as <see cref="IAnalyticsEndpoints"/>.
/// </summary>
public sealed class AnalyticsHttpServer(
    IEnumerable<IAnalyticsEndpoints> endpoints,
    IOptions<AnalyticsOptions> options,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The addresses actually bound (useful when configured with port 0).</summary>
    public IReadOnlyList<string> Urls => _app?.Urls.ToList() ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton(loggerFactory);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Value.Urls);
        _app = builder.Build();
        _app.MapGet("/healthz", () => Results.Text("ok"));
        foreach (var group in endpoints) group.Map(_app);
        await _app.StartAsync(cancellationToken);
        loggerFactory.CreateLogger<AnalyticsHttpServer>().LogInformation("Analytics listening on {Urls}", string.Join(", ", _app.Urls));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
