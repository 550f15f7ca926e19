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
        Description = "ClickHouse HTTP endpoint (default: ClickHouse:Endpoint from configuration, else " + DefaultClickHouse + ")",
    };

    /// <summary>A host with the analytics stage for one-shot commands, pointed at <paramref name="clickHouse"/>
    /// when given (else at the configured endpoint).</summary>
    public static IHost AnalyticsHost(string? clickHouse)
    {
        var overrides = new Dictionary<string, string?>();
        if (clickHouse is not null) overrides["ClickHouse:Endpoint"] = clickHouse;
        var builder = DataPlatformHostingExtensions.CreateBuilder(overrides);
        builder.AddDataPlatform(PlatformRole.Analytics);
        return builder.Build();
    }
}
