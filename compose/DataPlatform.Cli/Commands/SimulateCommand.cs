using System.CommandLine;
using DataPlatform.Ingest.Simulation;

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
        var command = new Command("simulate", "Send simulated gate traffic to an ingest endpoint") { target, profile, count, rate, seed };
        command.SetAction(async (parse, ct) =>
        {
            if (SimulationProfile.Find(parse.GetValue(profile)) is not { } chosen)
            {
                await Console.Error.WriteLineAsync($"未知的模拟场景 '{parse.GetValue(profile)}'. {ProfileHelp()}");
                return 2;
            }
            using var http = new HttpClient();
            var report = await new GateTrafficSimulator(http, new Uri(parse.GetValue(target)!)).RunAsync(
                chosen, parse.GetValue(seed), parse.GetValue(count), parse.GetValue(rate) ?? chosen.EventsPerSecond,
                concurrency: 32, new Progress<SimulationReport>(r => Console.Error.Write($"\r已发送 {r.Sent} 条 …")), ct);
            Console.Error.WriteLine();
            Console.WriteLine(Describe(report));
            return report.Failed == 0 ? 0 : 1;
        });
        return command;
    }

    public static string Describe(SimulationReport r) =>
        $"已发送 {r.Sent} 条 (有效 {r.Valid}, 重复推送 {r.Duplicates}, 异常 {r.Malformed}); 接受 {r.Accepted}, 拒收 {r.Rejected}, 失败 {r.Failed}; {r.EventsPerSecond:F0} 条/秒";

    private static string ProfileHelp() =>
        "Profiles: " + string.Join("; ", SimulationProfile.All.Select(p => $"{p.Name} ({p.Description})"));
}
