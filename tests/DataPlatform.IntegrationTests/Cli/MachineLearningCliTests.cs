using System.Globalization;
using System.Text.Json;
using DataPlatform.Cli.Hosting;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Cli;

/// <summary><c>simulate --history</c>, <c>forecast</c> and <c>anomalies</c> as an operator runs them: a small history
/// sent through a standalone process, then evaluated (and refused, exit 4, when the history is too short for the
/// hold-out), trained (the baseline kept on too short a history) and scanned from the same ledger; bad input in the
/// common error style with exit 2 (checked before anything is contacted).</summary>
public sealed class MachineLearningCliTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "dataplatform-tests", "ml-" + Guid.NewGuid().ToString("N"));
    private readonly int _clickHousePort = CliProcess.FreePort();
    private readonly int _ingestPort = CliProcess.FreePort();

    public MachineLearningCliTests() => Directory.CreateDirectory(_data);

    private string ClickHouseUrl => $"http://127.0.0.1:{_clickHousePort}";

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) => CliProcess.RunAsync(StandaloneCredentials.Environment(_data), args);

    [Fact]
    public async Task A_small_history_is_simulated_evaluated_and_scanned_from_the_command_line()
    {
        using var standalone = CliProcess.Start(
            "standalone", "--data", _data, "--clickhouse-port", _clickHousePort.ToString(CultureInfo.InvariantCulture),
            "--ingest-urls", $"http://127.0.0.1:{_ingestPort}", "--analytics-urls", "http://127.0.0.1:0");
        await standalone.WaitForOutputAsync("Ingest ", TimeSpan.FromMinutes(3));
        var kafka = (await File.ReadAllTextAsync(Path.Combine(_data, "kafka.bootstrap"))).Trim();
        var labels = Path.Combine(_data, "labels.csv");

        var (simulated, history) = await RunAsync("simulate", "--history", "24d", "--scale", "0.01", "--seed", "11",
            "--target", $"http://127.0.0.1:{_ingestPort}", "--kafka", kafka, "--labels", labels);
        Assert.True(simulated == 0, history);
        Assert.Contains("历史 24 天", history);
        Assert.Contains("失败 0", history);
        // The labels went to the file only.
        Assert.Contains("night-burst,", await File.ReadAllTextAsync(labels));

        using var client = new ClickHouse.Driver.ClickHouseClient(StandaloneCredentials.ServiceConnectionString(_clickHousePort, _data, "ledger"));
        var deadline = DateTime.UtcNow.AddSeconds(90);
        long days;
        while ((days = Convert.ToInt64(await client.ExecuteScalarAsync("SELECT uniqExact(toDate(pass_time, 'Asia/Shanghai')) FROM passages"), CultureInfo.InvariantCulture)) < 24
               && DateTime.UtcNow < deadline)
            await Task.Delay(500);
        Assert.Equal(24, days);

        // 21 training days: the forecast's lag features need two weeks before a training row.
        var (evaluated, json) = await RunAsync("forecast", "evaluate", "--holdout", "3d", "--format", "json", "--clickhouse", ClickHouseUrl);
        Assert.True(evaluated == 0, json);
        using var report = JsonDocument.Parse(json);
        var model = report.RootElement.GetProperty("model");
        Assert.True(model.GetProperty("hours").GetInt32() > 0, json);
        Assert.Equal(model.GetProperty("hours").GetInt32(), report.RootElement.GetProperty("baseline").GetProperty("hours").GetInt32());

        // Too short a history for the hold-out (24 days < 14 warm-up + 1 training + 12 held out): no NaN figures, a
        // clear refusal with exit 4 (CliErrors.NotEnoughData) — the 15-day history of a new plant is the same case.
        var (refused, refusal) = await RunAsync("forecast", "evaluate", "--holdout", "12d", "--format", "json", "--clickhouse", ClickHouseUrl);
        Assert.True(refused == CliErrors.NotEnoughData, refusal);
        Assert.All(["错误 (error): 历史数据不足：需要至少 27 天", "只有 24 天", "not enough history", "提示 (hint):"], text => Assert.Contains(text, refusal));
        Assert.DoesNotContain("NaN", refusal);
        // Training (hold-out 14 days by default) falls back to the baseline and says why; the job does the same.
        var (trained, training) = await RunAsync("forecast", "train", "--clickhouse", ClickHouseUrl);
        Assert.True(trained == 0, training);
        Assert.All(["baseline-kept", "历史数据不足：需要至少 29 天", "the seasonal-naive baseline is kept"], text => Assert.Contains(text, training));
        Assert.DoesNotContain("NaN", training);

        var (scanned, scan) = await RunAsync("anomalies", "scan", "--clickhouse", ClickHouseUrl);
        Assert.True(scanned == 0, scan);
        var (listed, csv) = await RunAsync("anomalies", "list", "--kind", "night-burst", "--format", "csv", "--clickhouse", ClickHouseUrl);
        Assert.True(listed == 0, csv);
        Assert.StartsWith("flag_id,kind,", csv.TrimStart());

        Assert.Equal(0, await standalone.InterruptAsync(TimeSpan.FromMinutes(3)));
    }

    [Theory]
    [InlineData("--holdout 'two weeks'", "forecast", "evaluate", "--holdout", "two weeks")]
    [InlineData("--history '90'", "simulate", "--history", "90")]
    [InlineData("--kind 'ufo'", "anomalies", "list", "--kind", "ufo")]
    [InlineData("'maybe'", "anomalies", "review", "6f1c1c4e-1b7e-4a55-9d55-1e6f7c0c2f10", "maybe", "--by", "inspector-li")]
    public async Task Bad_input_is_one_error_in_chinese_and_english_with_exit_2(string named, params string[] args)
    {
        // No platform is reachable: the input is refused before anything is contacted.
        var nothing = $"http://127.0.0.1:{CliProcess.FreePort()}";
        var (exit, output) = await CliProcess.RunAsync(new Dictionary<string, string> { [LocalEndpoints.DataVariable] = _data },
            [.. args, .. args[0] == "simulate" ? new[] { "--target", nothing } : ["--clickhouse", nothing]]);
        Assert.True(exit == CliErrors.BadInput, output);
        Assert.Contains("错误 (error):", output);
        Assert.Contains("提示 (hint):", output);
        Assert.Contains(named, output);
        Assert.Matches("[一-龥]", output.Split('\n').First(l => l.StartsWith("错误", StringComparison.Ordinal))[8..]); // Chinese in the message itself
        Assert.Matches("(must be|unknown|verdict)", output);
        Assert.DoesNotContain("Exception", output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
