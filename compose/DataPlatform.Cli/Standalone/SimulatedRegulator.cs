using DataPlatform.RegulatorBridge.Hosting;
using DataPlatform.RegulatorBridge.Keys;
using DataPlatform.RegulatorSimulator;
using Microsoft.Extensions.Configuration;

namespace DataPlatform.Cli.Standalone;

/// <summary>Standalone's regulator: the platform simulator on loopback and the settings that point the bridge at
/// it. Both RSA key pairs are generated at first start into the data folder, never into the repository. Only where
/// nothing else is configured: a plant's own <c>RegulatorBridge__*</c> settings win over the simulator.</summary>
public static class SimulatedRegulator
{
    /// <summary>Whether the configuration (appsettings.json, environment) already says how to reach a regulator:
    /// any <c>RegulatorBridge:*</c> setting counts, so a half-configured link fails visibly instead of being
    /// silently replaced by the simulator.</summary>
    public static bool IsConfiguredElsewhere(IConfiguration configuration) =>
        configuration.GetSection(RegulatorBridgeOptions.Section).GetChildren().Any();

    public static async Task<RegulatorPlatformSimulator> StartAsync(
        string dataDirectory, string enterprise, IDictionary<string, string?> settings, CancellationToken ct)
    {
        var keys = Path.Combine(dataDirectory, "regulator-keys");
        var enterpriseKeys = KeyPairFiles.EnsureGenerated(keys, "enterprise");
        var platformKeys = KeyPairFiles.EnsureGenerated(keys, "platform");
        const string appId = "DATAPLATFORM-STANDALONE";
        var simulator = await RegulatorPlatformSimulator.StartAsync(new RegulatorSimulatorOptions
        {
            EnterpriseCode = enterprise,
            AppId = appId,
            EnterprisePublicKeyPath = enterpriseKeys.PublicKeyFile,
            PlatformPrivateKeyPath = platformKeys.PrivateKeyFile,
            DataDirectory = Path.Combine(dataDirectory, "regulator-simulator"),
            TcpProfile = "",
        }, ct);
        settings["RegulatorBridge:Enabled"] = "true";
        settings["RegulatorBridge:EntCode"] = enterprise;
        settings["RegulatorBridge:AppId"] = appId;
        settings["RegulatorBridge:PrivateKeyFile"] = enterpriseKeys.PrivateKeyFile;
        settings["RegulatorBridge:PlatformPublicKeyFile"] = platformKeys.PublicKeyFile;
        settings["RegulatorBridge:PictureDirectory"] = Path.Combine(dataDirectory, "pictures");
        settings["RegulatorBridge:ProfileSettings:Https:BaseUrl"] = simulator.HttpEndpoint.ToString();
        settings["RegulatorBridge:ProfileSettings:Deadlines:CommandPoll"] = "00:00:00.250";
        return simulator;
    }
}
