using DataPlatform.Cli.Hosting;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Cli;

/// <summary>The <c>dataplatform</c> executable as a newcomer meets it with the platform down: one error style (an
/// error line, a hint line, no stack trace unless --verbose) and the documented exit codes (<see cref="CliErrors"/>).</summary>
public sealed class CliErrorStyleTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "dataplatform-tests", "cli-" + Guid.NewGuid().ToString("N"));
    private readonly string _nothing = $"http://127.0.0.1:{CliProcess.FreePort()}";

    /// <summary>No local standalone: an empty data folder, so nothing is found there either.</summary>
    private Dictionary<string, string> NoStandalone() => new() { [LocalEndpoints.DataVariable] = _data };

    public CliErrorStyleTests() => Directory.CreateDirectory(_data);

    [Theory]
    [InlineData("review", "list")]
    [InlineData("alarms", "list")]
    [InlineData("deadletters", "list")]
    public async Task Lists_with_the_platform_down_print_an_error_and_a_hint_and_exit_3(string command, string sub)
    {
        var (exit, output) = await CliProcess.RunAsync(NoStandalone(), command, sub, "--clickhouse", _nothing);
        Assert.True(exit == CliErrors.Unreachable, output);
        AssertOneErrorStyle(output);
        Assert.Contains("dataplatform standalone", output);
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace()
    {
        var (exit, output) = await CliProcess.RunAsync(NoStandalone(), "review", "list", "--clickhouse", _nothing, "--verbose");
        Assert.Equal(CliErrors.Unreachable, exit);
        Assert.Contains("错误 (error):", output);
        Assert.Contains("   at ", output);
    }

    [Fact]
    public async Task Health_with_nothing_running_fails_with_exit_3()
    {
        var (exit, output) = await CliProcess.RunAsync(NoStandalone(), "health", "--clickhouse", _nothing);
        Assert.True(exit == CliErrors.Unreachable, output);
        Assert.Contains("异常 (FAIL)", output);
        AssertOneErrorStyle(output);

        var (roleExit, roleOutput) = await CliProcess.RunAsync(NoStandalone(), "health", "--role", "ingest", "--url", _nothing + "/healthz");
        Assert.True(roleExit == CliErrors.Unreachable, roleOutput);
    }

    [Fact]
    public async Task Commands_find_a_local_standalone_through_its_endpoints_file()
    {
        // A standalone that has since died: its endpoints file names a port nobody listens on. The error names
        // that port, so the command read the file; without the file it would have tried the default 8123.
        var port = CliProcess.FreePort();
        await File.WriteAllTextAsync(Path.Combine(_data, LocalEndpoints.FileName), $"ClickHouse__Endpoint=http://127.0.0.1:{port}/\n");
        var (exit, output) = await CliProcess.RunAsync(NoStandalone(), "alarms", "list");
        Assert.True(exit == CliErrors.Unreachable, output);
        Assert.Contains($":{port}", output);
        AssertOneErrorStyle(output);
    }

    [Fact]
    public async Task A_review_action_with_kafka_unreachable_is_one_error_not_librdkafka_noise()
    {
        var kafkaPort = CliProcess.FreePort();
        await File.WriteAllTextAsync(Path.Combine(_data, LocalEndpoints.FileName), $"Kafka__BootstrapServers=127.0.0.1:{kafkaPort}\n");
        var (exit, output) = await CliProcess.RunAsync(NoStandalone(),
            "review", "approve", Guid.NewGuid().ToString(), "--operator", "guard-01");
        Assert.True(exit == CliErrors.Unreachable, output);
        Assert.Contains($"127.0.0.1:{kafkaPort}", output); // found through the data folder, no --kafka needed
        AssertOneErrorStyle(output);
        Assert.True(output.Split('\n').Length <= 4, output);
    }

    [Fact]
    public async Task Bad_input_exits_2_in_the_same_style()
    {
        var (exit, output) = await CliProcess.RunAsync(NoStandalone(), "review", "reject", Guid.NewGuid().ToString(), "--operator", "guard-01");
        Assert.True(exit == CliErrors.BadInput, output); // a rejection needs a reason
        AssertOneErrorStyle(output);
    }

    private static void AssertOneErrorStyle(string output)
    {
        Assert.Contains("错误 (error):", output);
        Assert.Contains("提示 (hint):", output);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); }
        catch (IOException) { }
    }
}
