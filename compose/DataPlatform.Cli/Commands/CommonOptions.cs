using System.CommandLine;

namespace DataPlatform.Cli.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public const string DefaultClickHouse = "http://127.0.0.1:8123";

    public static Option<string> ClickHouse() => new("--clickhouse")
    {
        Description = "ClickHouse HTTP endpoint (default: ClickHouse:Endpoint from configuration, else " + DefaultClickHouse + ")",
    };
}
