using DataPlatform.RegulatorBridge.Keys;
using DataPlatform.RegulatorSimulator;
using DataPlatform.Simulation;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Regulator;

/// <summary>A plant tries its own regulator from the default install: <c>RegulatorBridge__*</c> settings given by
/// environment win over <c>standalone --simulate</c>'s built-in simulator, which then does not start (issue 11: the
/// configured endpoint received 0 requests while the built-in one got 1,022).</summary>
public sealed class RegulatorSettingsOverrideTests : IDisposable
{
    private const string AppId = "PLANT-OWN-REGULATOR";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "dataplatform-tests", "rso-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_regulator_configured_by_environment_receives_the_uploads_and_the_built_in_simulator_stays_off()
    {
        var enterprise = SimulationProfile.Default.EnterpriseId;
        var keys = Path.Combine(_data, "own-regulator-keys");
        var enterpriseKeys = KeyPairFiles.EnsureGenerated(keys, "enterprise");
        var platformKeys = KeyPairFiles.EnsureGenerated(keys, "platform");
        // The "independent" regulator: a simulator started here, outside the standalone process.
        await using var regulator = await RegulatorPlatformSimulator.StartAsync(new RegulatorSimulatorOptions
        {
            EnterpriseCode = enterprise,
            AppId = AppId,
            EnterprisePublicKeyPath = enterpriseKeys.PublicKeyFile,
            PlatformPrivateKeyPath = platformKeys.PrivateKeyFile,
            TcpProfile = "",
        });
        var environment = new Dictionary<string, string>
        {
            ["RegulatorBridge__Enabled"] = "true",
            ["RegulatorBridge__EntCode"] = enterprise,
            ["RegulatorBridge__AppId"] = AppId,
            ["RegulatorBridge__PrivateKeyFile"] = enterpriseKeys.PrivateKeyFile,
            ["RegulatorBridge__PlatformPublicKeyFile"] = platformKeys.PublicKeyFile,
            ["RegulatorBridge__ProfileSettings__Https__BaseUrl"] = regulator.HttpEndpoint.ToString(),
        };
        using var standalone = CliProcess.Start(environment, "standalone", "--simulate", "--data", _data,
            "--clickhouse-port", CliProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--ingest-urls", "http://127.0.0.1:0");
        await standalone.WaitForOutputAsync("模拟场景", TimeSpan.FromMinutes(3));

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (regulator.Store.Count() < 5 && DateTime.UtcNow < deadline) await Task.Delay(500);
        Assert.True(regulator.Store.Count() >= 5, $"the configured regulator received {regulator.Store.Count()} records:\n{standalone.Output}");
        Assert.Contains("使用已配置的 RegulatorBridge 设置", standalone.Output);
        Assert.DoesNotContain("sim/stats", standalone.Output); // the built-in simulator's line
        Assert.False(Directory.Exists(Path.Combine(_data, "regulator-simulator")));
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); }
        catch (IOException) { }
    }
}
