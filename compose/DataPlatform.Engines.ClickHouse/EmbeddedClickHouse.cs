using System.Net;
using DataPlatform.Engines.ClickHouse.Engine;
using DataPlatform.Engines.ClickHouse.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Engines.ClickHouse;

/// <summary>
/// chDB (the ClickHouse engine as a library) served over ClickHouse's HTTP interface on a local port,
/// so ClickHouse clients (ClickHouse.Driver, Grafana's plugin, DBeaver, curl) work unchanged.
/// </summary>
/// <remarks>
/// The engine behind it lives for the whole process: disposing stops the HTTP endpoint only, and a
/// later <see cref="StartAsync"/> with the same <see cref="EmbeddedClickHouseOptions.DataPath"/> reuses
/// it. A different data path in the same process is refused.
/// </remarks>
public sealed class EmbeddedClickHouse : IAsyncDisposable
{
    private readonly WebApplication application;

    private EmbeddedClickHouse(WebApplication application, Uri endpoint, string serverVersion)
    {
        this.application = application;
        Endpoint = endpoint;
        ServerVersion = serverVersion;
    }

    /// <summary>Base address of the HTTP interface, e.g. <c>http://127.0.0.1:8123/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>A ClickHouse.Driver connection string for <see cref="Endpoint"/> as <c>default</c> (an endpoint without users).</summary>
    public string ConnectionString => ConnectionStringFor(new ClickHouseUser("default", "", ReadOnly: false));

    /// <summary>A ClickHouse.Driver connection string for <see cref="Endpoint"/> as <paramref name="user"/>.</summary>
    public string ConnectionStringFor(ClickHouseUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        // No compression: the engine is in this process, so zstd would cost CPU on both ends of a loopback socket.
        return $"Host={Endpoint.Host};Port={Endpoint.Port};Protocol=http;Username={user.Name};Password={user.Password};Compression=False";
    }

    /// <summary>The engine's <c>version()</c>.</summary>
    public string ServerVersion { get; }

    /// <summary>Boots the engine if needed, then listens for ClickHouse HTTP requests.</summary>
    /// <exception cref="InvalidOperationException">chDB is already open for another data path in this process.</exception>
    public static async Task<EmbeddedClickHouse> StartAsync(EmbeddedClickHouseOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentQueries, 1);
        options.Memory.Validate();

        // Booting chDB and perhaps fetching it takes seconds and blocks; keep it off the caller's thread.
        var engine = await Task.Run(() => ChdbEngine.Open(options.DataPath, options.LibraryPath, options.Memory.ToArguments()), cancellationToken).ConfigureAwait(false);
        var spool = options.SpoolPath ?? Path.Combine(Path.GetTempPath(), "dataplatform-chdb-spool");
        var handler = new ClickHouseHttpHandler(new QueryRunner(engine, options.MaxConcurrentQueries, spool), engine, new Authentication(options.Users));

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            // ClickHouse accepts URIs up to http_max_uri_size (1 MiB); clients put query parameters there
            // (param_ids=[...] with thousands of ids), so Kestrel's 8 KiB request line would refuse them.
            kestrel.Limits.MaxRequestLineSize = 1 << 20;
            kestrel.Limits.MaxRequestHeadersTotalSize = (1 << 20) + (64 << 10);
            kestrel.Limits.MaxRequestBufferSize = 2 << 20;
            kestrel.AddServerHeader = false;
            if (options.Host == "localhost")
            {
                kestrel.ListenLocalhost(options.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
            }
        });

        var application = builder.Build();
        application.Run(handler.HandleAsync);
        await application.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address");
        var bound = new Uri(address);
        var endpoint = new UriBuilder("http", options.Host == "localhost" ? "localhost" : options.Host, bound.Port, "/").Uri;
        return new EmbeddedClickHouse(application, endpoint, engine.ServerVersion);
    }

    /// <summary>Stops accepting requests; the engine stays up for the rest of the process.</summary>
    public async ValueTask DisposeAsync()
    {
        await application.StopAsync().ConfigureAwait(false);
        await application.DisposeAsync().ConfigureAwait(false);
    }
}
