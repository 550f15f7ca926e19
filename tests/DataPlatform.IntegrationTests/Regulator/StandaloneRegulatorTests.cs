using System.Text.Json;
using System.Text.RegularExpressions;
using ClickHouse.Driver;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Regulator;

/// <summary><c>dataplatform standalone --simulate</c> as an operator runs it (its own process and chDB): the plant's
/// traffic reaches the simulated regulator through the bridge, with keys generated into the data folder.</summary>
public sealed partial class StandaloneRegulatorTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "dataplatform-tests", "sar-" + Guid.NewGuid().ToString("N"));
    private readonly int _clickHousePort = CliProcess.FreePort();

    [Fact]
    public async Task Simulated_traffic_reaches_the_simulated_regulator_through_the_bridge()
    {
        using var standalone = CliProcess.Start("standalone", "--simulate", "--data", _data,
            "--clickhouse-port", _clickHousePort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ingest-urls", "http://127.0.0.1:0", "--analytics-urls", "http://127.0.0.1:0");
        await standalone.WaitForOutputAsync("sim/stats", TimeSpan.FromMinutes(3));
        var stats = new Uri(StatsUrl().Match(standalone.Output).Value);
        foreach (var key in new[] { "enterprise-private.pem", "enterprise-public.pem", "platform-private.pem", "platform-public.pem" })
            Assert.True(File.Exists(Path.Combine(_data, "regulator-keys", key)), key);

        using var http = new HttpClient();
        long accepted = 0;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (accepted < 20 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            using var doc = JsonDocument.Parse(await http.GetStringAsync(stats));
            accepted = doc.RootElement.GetProperty("acceptedByKind").TryGetProperty("Passage", out var p) ? p.GetInt64() : 0;
        }
        Assert.True(accepted >= 20, $"the regulator accepted {accepted} passages:\n{standalone.Output}");

        using var client = new ClickHouseClient(StandaloneCredentials.ServiceConnectionString(_clickHousePort, _data, "ledger"));
        // The platform stores a record before its answer reaches the bridge, and the bridge writes the outcome
        // after the round: the outbox catches up with the simulator a moment later.
        long acknowledged = 0;
        deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline
               && (acknowledged = Convert.ToInt64(await client.ExecuteScalarAsync("SELECT count() FROM regulator_outbox FINAL WHERE state = 'Acknowledged'"))) < 20)
            await Task.Delay(250);
        Assert.True(acknowledged >= 20, $"the outbox holds {acknowledged} acknowledged records");
        Assert.True(Convert.ToInt64(await client.ExecuteScalarAsync("SELECT count() FROM regulator_upload_log")) >= 20);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/sim/stats")]
    private static partial Regex StatsUrl();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
