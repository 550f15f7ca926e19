using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using DataPlatform.Cli.Hosting;
using DataPlatform.RegulatorSimulator;
using DataPlatform.RegulatorSimulator.Faults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform regulator-simulator</c>: the regulator's platform (baseline HTTPS gateway and
/// Hebei-style TCP link) as its own service. Flags override the <c>RegulatorSimulator</c> configuration section.</summary>
public static class RegulatorSimulatorCommand
{
    private const string Section = RegulatorSimulatorOptions.SectionName + ":";

    public static Command Create()
    {
        var httpPort = new Option<int?>("--http-port") { Description = "HTTP(S) port of the baseline gateway and /sim/* (0 = random)" };
        var tcpPort = new Option<int?>("--tcp-port") { Description = "TCP port of the Hebei-style JSON-lines link (0 = random)" };
        var listen = new Option<string?>("--listen") { Description = "Address to bind (default 127.0.0.1)" };
        var enterprise = new Option<string?>("--enterprise") { Description = "Enterprise code (企业编码) whose uploads are accepted" };
        var appId = new Option<string?>("--app-id") { Description = "Application id issued to the enterprise (empty: any)" };
        var enterpriseKey = new Option<string?>("--enterprise-public-key") { Description = "PEM file: the enterprise's public key" };
        var platformKey = new Option<string?>("--platform-private-key") { Description = "PEM file: the platform's private key (default: a fresh key per start)" };
        var keys = new Option<string?>("--keys")
        {
            Description = "Folder for an evaluation key set: enterprise-private.pem, enterprise-public.pem, platform-private.pem, platform-public.pem are created there if missing and used",
        };
        var data = new Option<string?>("--data") { Description = "Data folder: records.jsonl (reloaded at start)" };
        var faults = new Option<string?>("--faults") { Description = "JSON file with a fault plan, e.g. {\"seed\":7,\"rules\":[{\"kind\":\"LostAck\",\"probability\":0.2}]}" };
        var blacklistEvery = new Option<double?>("--blacklist-every") { Description = "Issue a blacklist entry every N minutes" };
        var measureEvery = new Option<double?>("--measure-every") { Description = "Issue an emergency measure every N minutes" };
        var command = new Command("regulator-simulator", "Run the regulator platform simulator (baseline HTTPS + Hebei TCP profiles)")
        {
            httpPort, tcpPort, listen, enterprise, appId, enterpriseKey, platformKey, keys, data, faults, blacklistEvery, measureEvery,
        };
        command.SetAction(async (parse, ct) =>
        {
            var overrides = new Dictionary<string, string?>();
            void Set(string key, string? value)
            {
                if (value is not null)
                    overrides[Section + key] = value;
            }
            Set(nameof(RegulatorSimulatorOptions.HttpPort), parse.GetValue(httpPort)?.ToString(CultureInfo.InvariantCulture));
            Set(nameof(RegulatorSimulatorOptions.TcpPort), parse.GetValue(tcpPort)?.ToString(CultureInfo.InvariantCulture));
            Set(nameof(RegulatorSimulatorOptions.ListenAddress), parse.GetValue(listen));
            Set(nameof(RegulatorSimulatorOptions.EnterpriseCode), parse.GetValue(enterprise));
            Set(nameof(RegulatorSimulatorOptions.AppId), parse.GetValue(appId));
            Set(nameof(RegulatorSimulatorOptions.EnterprisePublicKeyPath), parse.GetValue(enterpriseKey));
            Set(nameof(RegulatorSimulatorOptions.PlatformPrivateKeyPath), parse.GetValue(platformKey));
            Set(nameof(RegulatorSimulatorOptions.DataDirectory), parse.GetValue(data));
            Set("CommandSchedule:BlacklistInterval", Minutes(parse.GetValue(blacklistEvery)));
            Set("CommandSchedule:EmergencyMeasureInterval", Minutes(parse.GetValue(measureEvery)));
            if (parse.GetValue(keys) is { } folder)
            {
                var (enterprisePublic, platformPrivate) = EvaluationKeys(folder);
                overrides.TryAdd(Section + nameof(RegulatorSimulatorOptions.EnterprisePublicKeyPath), enterprisePublic);
                overrides.TryAdd(Section + nameof(RegulatorSimulatorOptions.PlatformPrivateKeyPath), platformPrivate);
            }
            FaultPlan? plan = null;
            if (parse.GetValue(faults) is { } faultFile)
            {
                try
                {
                    plan = FaultPlan.Parse(await File.ReadAllTextAsync(faultFile, ct));
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or IOException)
                {
                    await Console.Error.WriteLineAsync($"故障计划 {faultFile} 无法读取：{e.Message}");
                    return 2;
                }
            }

            var builder = DataPlatformHostingExtensions.CreateBuilder(overrides);
            builder.Services.AddRegulatorSimulator(builder.Configuration);
            using var host = builder.Build();
            try
            {
                await host.StartAsync(ct);
            }
            catch (InvalidOperationException e)
            {
                // Missing or unreadable keys, unknown profiles: the message names the option to fix.
                await Console.Error.WriteLineAsync($"监管平台模拟器无法启动：{e.Message}");
                return 2;
            }
            var simulator = await host.Services.GetRequiredService<RegulatorSimulatorHost>().WhenStartedAsync(ct);
            if (plan is not null)
            {
                try
                {
                    simulator.SetFaults(plan);
                }
                catch (ArgumentException e)
                {
                    await Console.Error.WriteLineAsync($"故障计划无效：{e.Message}");
                    return 2;
                }
            }
            Console.WriteLine($"监管平台模拟器：基线接口 {simulator.HttpEndpoint}  查询 {simulator.BaseAddress}sim/stats");
            var tcpProfile = host.Services.GetRequiredService<IOptions<RegulatorSimulatorOptions>>().Value.TcpProfile;
            Console.WriteLine($"河北式长连接：{(string.IsNullOrEmpty(tcpProfile) ? "未启用" : $"{simulator.TcpEndpoint} ({tcpProfile})")}");
            Console.WriteLine("平台公钥（供桥接验签）：");
            Console.WriteLine(simulator.PlatformPublicKeyPem);
            await host.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }

    private static string? Minutes(double? minutes) =>
        minutes is { } m ? TimeSpan.FromMinutes(m).ToString("c", CultureInfo.InvariantCulture) : null;

    /// <summary>Creates (once) and returns an evaluation key set outside the repository, in a folder the user names.</summary>
    private static (string EnterprisePublic, string PlatformPrivate) EvaluationKeys(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var who in new[] { "enterprise", "platform" })
        {
            var privatePath = Path.Combine(folder, $"{who}-private.pem");
            if (File.Exists(privatePath))
                continue;
            using var rsa = RSA.Create(2048);
            File.WriteAllText(privatePath, rsa.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(Path.Combine(folder, $"{who}-public.pem"), rsa.ExportSubjectPublicKeyInfoPem());
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(privatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return (Path.Combine(folder, "enterprise-public.pem"), Path.Combine(folder, "platform-private.pem"));
    }
}
