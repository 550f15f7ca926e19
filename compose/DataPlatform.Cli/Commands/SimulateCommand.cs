using System.CommandLine;
using System.Globalization;
using DataPlatform.Cli.Hosting;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Simulation;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform simulate</c>: drives any deployment's ingest endpoint with a plant's traffic.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "Ingest base URL", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var profile = new Option<string>("--profile") { Description = ProfileHelp(), DefaultValueFactory = _ => SimulationProfile.Default.Name };
        var count = new Option<int?>("--events", "-n") { Description = "Pushes to send (default: until Ctrl-C)" };
        var rate = new Option<double?>("--rate") { Description = "Pushes per second (default: the profile's; 0 = as fast as possible)" };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed replays the same traffic", DefaultValueFactory = _ => 1 };
        var weighbridge = new Option<string?>("--weighbridge")
        {
            Description = $"host:port of the weighbridge TCP listener (device {SimulatedPlant.WeighbridgeId}); weighings are sent in the profile's indicator protocol",
        };
        var token = new Option<string?>("--token") { Description = "Device token the simulated cameras present (X-Device-Token) when the deployment registers devices" };
        var day = new Option<string?>("--day") { Description = "Send one whole simulated day (yyyy-MM-dd, China time) as fast as possible instead of a live stream" };
        var guard = new Option<string?>("--guard-operator")
        {
            Description = "Day mode: first register the plant's in-plant vehicles and machinery at the guard booth as this operator (token: --token), then send their passages and work-area sightings too",
        };
        var command = new Command("simulate", "Send simulated gate traffic to an ingest endpoint")
        {
            target, profile, count, rate, seed, weighbridge, token, day, guard,
            SimulateHistory.History, SimulateHistory.Labels, SimulateHistory.Scale, SimulateHistory.Kafka, SimulateHistory.GuardToken,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (SimulationProfile.Find(parse.GetValue(profile)) is not { } chosen)
            {
                CliErrors.Write(Console.Error, $"未知的模拟场景 (unknown profile) '{parse.GetValue(profile)}'", ProfileHelp());
                return 2;
            }
            DateOnly? simulatedDay = null;
            if (parse.GetValue(day) is { } dayText)
            {
                if (!DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    CliErrors.Write(Console.Error, $"--day '{dayText}' 不是日期 (is not a date)", "yyyy-MM-dd, e.g. 2026-12-06");
                    return 2;
                }
                simulatedDay = d;
            }
            await using var link = parse.GetValue(weighbridge) is { } address ? Link(address, chosen) : null;
            if (parse.GetValue(SimulateHistory.History) is not null)
                return await SimulateHistory.RunAsync(parse, chosen, parse.GetValue(target)!, parse.GetValue(token), link, parse.GetValue(guard), parse.GetValue(seed), ct);
            using var http = new HttpClient();
            var simulator = new GateTrafficSimulator(http, new Uri(parse.GetValue(target)!), parse.GetValue(token), link);
            SimulationReport report;
            if (simulatedDay is { } when)
            {
                var traffic = new GateEventGenerator(chosen, parse.GetValue(seed)).Day(when);
                Console.Error.WriteLine($"模拟 {when:yyyy-MM-dd}: 车队 {traffic.Fleet.Count} 辆, 推送 {traffic.Pushes.Count} 条, 过磅 {traffic.Weighings.Count} 次, 设备中断 {traffic.Outages.Count} 次");
                var machinery = parse.GetValue(guard) is { } operatorId ? PlantMachinery.Plan(chosen, parse.GetValue(seed), when) : null;
                if (machinery is not null)
                {
                    var registered = await new GuardBoothClient(http, new Uri(parse.GetValue(target)!), parse.GetValue(guard)!, parse.GetValue(token) ?? "")
                        .RegisterAsync(machinery.Roster, ct);
                    Console.Error.WriteLine($"门岗登记: 厂内车辆 {machinery.RegisteredInPlant} 辆, 非道路移动机械 {machinery.RegisteredNonRoad} 台, 已受理 {registered}; 未登记 {machinery.UnregisteredMachines} 台");
                }
                report = await simulator.RunTrafficAsync(traffic, concurrency: 32, ct);
                if (machinery is not null)
                    Console.WriteLine("厂内车辆与机械: " + Describe(await new GateTrafficSimulator(http, new Uri(parse.GetValue(target)!), parse.GetValue(token))
                        .RunTrafficAsync(machinery.Traffic, concurrency: 8, ct)));
            }
            else
            {
                report = await simulator.RunAsync(
                    chosen, parse.GetValue(seed), parse.GetValue(count), parse.GetValue(rate) ?? chosen.EventsPerSecond,
                    concurrency: 32, new Progress<SimulationReport>(r => Console.Error.Write($"\r已发送 {r.Sent} 条 …")), ct);
            }
            Console.Error.WriteLine();
            Console.WriteLine(Describe(report));
            return report.Failed == 0 ? 0 : 1;
        });
        return command;
    }

    public static string Describe(SimulationReport r) =>
        $"已发送 {r.Sent} 条 (有效 {r.Valid}, 其中误识别 {r.Misreads}, 重复推送 {r.Duplicates}, 异常 {r.Malformed}); 接受 {r.Accepted}, 拒收 {r.Rejected}, 失败 {r.Failed}; " +
        $"过磅 {r.Weighings} 次; 第二相机不一致 {r.SecondCameraReads} 条; 烟度检测 {r.Readings} 条 (重复 {r.ReadingDuplicates}, 异常 {r.ReadingsMalformed}, 接受 {r.ReadingsAccepted}, 拒收 {r.ReadingsRejected}); {r.EventsPerSecond:F0} 条/秒";

    private static WeighbridgeLink Link(string address, SimulationProfile profile)
    {
        if (!TcpProtocols.TryParse(profile.WeighbridgeProtocol, DataPlatform.Ingest.Devices.DeviceKind.Weighbridge, out var protocol, out var why))
            throw new InvalidOperationException(why);
        return new WeighbridgeLink(WeighbridgeLink.ParseEndpoint(address), protocol, profile.EnterpriseId);
    }

    private static string ProfileHelp() =>
        "Profiles: " + string.Join("; ", SimulationProfile.All.Select(p => $"{p.Name} ({p.Description})"));
}
