using DataPlatform.Cli.Hosting;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Cli;

/// <summary><c>dataplatform engines</c> stops on Ctrl-C (it ignored SIGINT and SIGTERM until SIGKILL: the command
/// line's signal registration was made before chDB booted and was never dispatched), and while it runs its data
/// folder tells the other commands where the engines are.</summary>
public sealed class EnginesStopTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "dataplatform-tests", "eng-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Engines_stop_within_seconds_of_sigint_and_remove_their_endpoints_file()
    {
        using var engines = CliProcess.Start("engines", "--data", _data,
            "--clickhouse-port", CliProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await engines.WaitForOutputAsync("就绪", TimeSpan.FromMinutes(3));
        var endpoints = LocalEndpoints.Read(_data);
        Assert.StartsWith("http://127.0.0.1:", endpoints["ClickHouse:Endpoint"]);
        Assert.False(string.IsNullOrEmpty(endpoints["Kafka:BootstrapServers"]));

        // A command finds the running engines through the data folder alone.
        var (health, output) = await CliProcess.RunAsync(new Dictionary<string, string> { [LocalEndpoints.DataVariable] = _data }, "health");
        Assert.True(health == 0, output);

        var exit = await engines.InterruptAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, exit);
        Assert.Contains("正在停止", engines.Output);
        Assert.False(File.Exists(LocalEndpoints.PathIn(_data)));
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); }
        catch (IOException) { }
    }
}
