using System.CommandLine;
using DataPlatform.Cli.Hosting;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Cli.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public const string DefaultClickHouse = "http://127.0.0.1:8123";

    public static Option<string> ClickHouse() => new("--clickhouse")
    {
        Description = "ClickHouse HTTP endpoint (default: ClickHouse__Endpoint from the environment, else a local standalone's DIR/endpoints.env, else " + DefaultClickHouse + ")",
    };

    /// <summary>A host with the analytics stage for one-shot commands, pointed at <paramref name="clickHouse"/>
    /// when given (else at the configured endpoint, else at a local standalone's).</summary>
    public static IHost AnalyticsHost(string? clickHouse)
    {
        var builder = OneShotBuilder(clickHouse);
        builder.AddDataPlatform(PlatformRole.Analytics);
        return builder.Build();
    }

    /// <summary>A host builder for a one-shot command: configuration, then a local standalone's endpoints below
    /// the environment (<see cref="LocalEndpoints"/>), then <paramref name="clickHouse"/> when given.</summary>
    public static HostApplicationBuilder OneShotBuilder(string? clickHouse = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>());
        if (clickHouse is not null) settings["ClickHouse:Endpoint"] = clickHouse;
        // One-shot commands print results; the stages' informational logs would drown them.
        settings.TryAdd("Logging:LogLevel:Default", "Warning");
        var builder = DataPlatformHostingExtensions.CreateBuilder(settings);
        builder.Configuration.AddLocalEndpoints();
        return builder;
    }
}
