using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DataPlatform.RegulatorSimulator.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataPlatform.RegulatorSimulator.Platform;

/// <summary>The Kestrel endpoint: the baseline profile's gateway (POST /api/gateway[/{method}]) and the /sim/*
/// query and control API on the same port.</summary>
internal sealed class HttpGateway : IAsyncDisposable
{
    public const string GatewayPath = "/api/gateway";

    private static readonly TimeSpan DefaultHold = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DefaultSlow = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;

    private HttpGateway(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
        GatewayUri = new Uri(baseUri, GatewayPath);
    }

    public Uri BaseUri { get; }

    public Uri GatewayUri { get; }

    public static async Task<HttpGateway> StartAsync(PlatformCore core, RegulatorSimulatorOptions options, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // Tests start many simulators; request logging would drown their output. Warnings still show.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var address = IPAddress.Parse(options.ListenAddress);
        X509Certificate2? certificate = null;
        if (options.CertificatePemPath.Length > 0 && options.CertificateKeyPemPath.Length > 0)
            certificate = X509Certificate2.CreateFromPemFile(options.CertificatePemPath, options.CertificateKeyPemPath);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(address, options.HttpPort, listen =>
            {
                if (certificate is not null)
                    listen.UseHttps(certificate);
            });
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var app = builder.Build();
        if (core.HttpProfile is not null)
        {
            app.MapPost(GatewayPath, (HttpContext context) => HandleAsync(core, context, null));
            app.MapPost(GatewayPath + "/{method}", (HttpContext context, string method) => HandleAsync(core, context, method));
        }
        ControlApi.Map(app, core);
        await app.StartAsync(ct).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpGateway(app, new Uri(bound.TrimEnd('/') + "/"));
    }

    private static async Task HandleAsync(PlatformCore core, HttpContext context, string? pathMethod)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, new UTF8Encoding(false)))
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var reply = await core.ProcessAsync(body, core.HttpProfile!, PlatformCore.Http, pathMethod).ConfigureAwait(false);
        switch (reply.FaultKind)
        {
            case FaultKind.Timeout:
                try
                {
                    await Task.Delay(reply.FaultDelay(DefaultHold), core.Time, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up first, as intended.
                }
                context.Abort();
                return;
            case FaultKind.DropConnection or FaultKind.LostAck:
                context.Abort();
                return;
            case FaultKind.ServerError:
                context.Response.StatusCode = reply.Fault!.HttpStatus is >= 500 and <= 599 ? reply.Fault.HttpStatus : 503;
                context.Response.ContentType = "text/plain;charset=UTF-8";
                await context.Response.WriteAsync("平台暂时不可用（模拟故障）", context.RequestAborted).ConfigureAwait(false);
                return;
            case FaultKind.SlowResponse when reply.Fault!.EffectiveStage == FaultStage.AfterStore:
                await Task.Delay(reply.FaultDelay(DefaultSlow), core.Time, context.RequestAborted).ConfigureAwait(false);
                break;
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json;charset=UTF-8";
        var ackedAt = core.Now;
        var marked = reply.AckRecordId is { } id && core.Store.MarkAcknowledged(id, ackedAt);
        try
        {
            await context.Response.WriteAsync(reply.Body ?? "{}", context.RequestAborted).ConfigureAwait(false);
            await context.Response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            if (marked)
                core.Store.RevertAcknowledged(reply.AckRecordId!, ackedAt);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(grace.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
