using System.CommandLine;
using DataPlatform.Cli.Hosting;
using DataPlatform.Cli.Standalone;
using DataPlatform.Engines.ClickHouse;
using DataPlatform.Streams;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform engines</c>: only the embedded Kafka and ClickHouse, for role processes started
/// separately — the distributed layout on one machine without Docker (crash tests, integrators' trials).</summary>
public static class EnginesCommand
{
    public static Command Create()
    {
        // The folder the one-shot commands (sql, review, health …) look in: DATAPLATFORM_DATA names one folder for all of them.
        var data = new Option<string>("--data") { Description = "State directory ($DATAPLATFORM_DATA when set)", DefaultValueFactory = _ => ClickHouseCredentials.LocalDataDirectory() };
        var port = new Option<int>("--clickhouse-port") { Description = "ClickHouse HTTP port", DefaultValueFactory = _ => 8123 };
        var command = new Command("engines", "Run only the embedded Kafka and ClickHouse; writes DIR/engines.env for role processes") { data, port };
        command.SetAction(async (parse, ct) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(data)!);
            await using var engines = await EmbeddedEngines.StartAsync(directory, parse.GetValue(port),
                Topics.DefaultPartitions, EngineMemoryOptions.ServerDefaults, new Progress<string>(m => Console.Error.WriteLine(m)), ct);
            await LocalEndpoints.WriteAsync(directory, engines.ClientSettings, ct);
            Console.WriteLine($"ClickHouse  {engines.ClickHouse.Endpoint}");
            Console.WriteLine($"Kafka       {engines.Kafka.BootstrapServers}");
            Console.WriteLine($"Settings    {Path.Combine(directory, "engines.env")}");
            using var stop = new StopSignals(ct);
            Console.WriteLine("就绪 (Ctrl-C 停止)");
            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, CancellationToken.None);
            Console.Error.WriteLine("正在停止 …");
            LocalEndpoints.Remove(directory);
            return 0;
        });
        return command;
    }
}
