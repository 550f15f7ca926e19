using System.CommandLine;
using DataPlatform.Cli.Hosting;
using DataPlatform.Simulation;
using DataPlatform.Simulation.NationalPlatform;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform national-platform-simulator</c>: runs the local stand-in for the national
/// vehicle/machinery environmental information platform, seeded from a simulated plant's fleet, until Ctrl-C.
/// Point <c>Processing:Registers:NationalPlatformUrl</c> at it.</summary>
public static class NationalPlatformCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Listen address", DefaultValueFactory = _ => "http://127.0.0.1:8091" };
        var profile = new Option<string>("--profile") { Description = "Simulated plant whose fleet the platform knows", DefaultValueFactory = _ => SimulationProfile.Default.Name };
        var seed = new Option<int>("--seed") { Description = "The simulator's seed (same as dataplatform simulate --seed)", DefaultValueFactory = _ => 1 };
        var key = new Option<string?>("--app-key") { Description = "Require this X-App-Key" };
        var command = new Command("national-platform-simulator", "Run a local simulator of the national vehicle/machinery environmental information platform")
        {
            urls, profile, seed, key,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (SimulationProfile.Find(parse.GetValue(profile)) is not { } chosen)
            {
                CliErrors.Write(Console.Error, $"未知的模拟场景 (unknown profile) '{parse.GetValue(profile)}'", "steel, chemicals, port, manufacturer");
                return 2;
            }
            await using var national = NationalPlatformSimulator.ForFleet(chosen, parse.GetValue(seed), parse.GetValue(key));
            await national.StartAsync(parse.GetValue(urls)!, ct);
            Console.WriteLine($"全国机动车和非道路移动机械环保信息平台（模拟）{national.BaseUri}api/v1/vehicles — {national.Count} 条记录 (Ctrl-C 停止)");
            await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, CancellationToken.None);
            return 0;
        });
        return command;
    }
}
