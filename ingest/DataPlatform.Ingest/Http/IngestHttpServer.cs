using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ingest.Http;

/// <summary>
/// The device-facing HTTP listener. It is its own small Kestrel app inside whatever host composes the ingest
/// role, so <c>AddIngest</c> works on a plain generic host and in the standalone process alike.
/// </summary>
public sealed class IngestHttpServer(
    GateEventEndpoint endpoint,
    CameraEndpoints cameras,
    DeviceEndpoints devices,
    EmissionEndpoints emissions,
    GuardBooth.GuardBoothEndpoints guardBooth,
    GuardBooth.GuardBoothReviewEndpoint reviews,
    IngestFaultBarrier barrier,
    IOptions<IngestOptions> options,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The addresses actually bound (useful when configured with port 0).</summary>
    public IReadOnlyList<string> Urls => _app?.Urls.ToList() ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton(loggerFactory);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(o.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        _app = builder.Build();
        // First in the pipeline: whatever an endpoint throws, the body is kept and the answer has a reason.
        _app.Use((context, next) => barrier.InvokeAsync(context, next));
        _app.MapPost(GateEventEndpoint.Path, (Delegate)((HttpContext context) => endpoint.HandleAsync(context, o.MaxEventBytes)));
        _app.MapPost(CameraEndpoints.HikvisionPath, (Delegate)((HttpContext context, string deviceId) => cameras.HikvisionAsync(context, deviceId)));
        _app.MapPost(CameraEndpoints.DahuaPath, (Delegate)((HttpContext context, string deviceId) => cameras.DahuaAsync(context, deviceId)));
        _app.MapPost(CameraEndpoints.DahuaTollgatePath, (Delegate)((HttpContext context) => cameras.DahuaAsync(context, null)));
        _app.MapPost(CameraEndpoints.DahuaKeepAlivePath, (Delegate)((HttpContext context) => cameras.DahuaAsync(context, null)));
        _app.MapPost(DeviceEndpoints.HeartbeatPath, (Delegate)((HttpContext context, string deviceId) => devices.HeartbeatAsync(context, deviceId)));
        _app.MapGet(DeviceEndpoints.ListPath, devices.List);
        _app.MapPost(EmissionEndpoints.OpacityPath, (Delegate)((HttpContext context, string deviceId) => emissions.OpacityAsync(context, deviceId)));
        GuardBooth.GuardBoothRegistration.MapGuardBooth(_app, guardBooth);
        _app.MapGet("/healthz", () => Results.Text("ok"));
        _app.MapPost(GuardBooth.GuardBoothReviewEndpoint.Path, (Delegate)((HttpContext context) => reviews.HandleAsync(context)));
        await _app.StartAsync(cancellationToken);
        loggerFactory.CreateLogger<IngestHttpServer>().LogInformation("Ingest listening on {Urls}", string.Join(", ", _app.Urls));
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
