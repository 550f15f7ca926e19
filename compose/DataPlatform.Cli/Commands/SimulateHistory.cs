using System.CommandLine;
using System.Globalization;
using Confluent.Kafka;
using DataPlatform.Cli.Hosting;
using DataPlatform.Simulation;
using DataPlatform.Simulation.History;
using DataPlatform.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataPlatform.Cli.Commands;

/// <summary><c>simulate --history 90d</c>: a plant's past days sent through the platform's real path (see
/// <see cref="HistoryRunner"/>); the smoker labels and planted anomalies go to <c>--labels</c>, never to the platform.</summary>
public static class SimulateHistory
{
    public static readonly Option<string?> History = new("--history") { Description = "Send this many past days (e.g. 90d), ending yesterday (China time), fast-forwarded" };
    public static readonly Option<string> Labels = new("--labels") { Description = "History: where the simulator's labels go (smokers, planted anomalies)", DefaultValueFactory = _ => "history-labels.csv" };
    public static readonly Option<double> Scale = new("--scale") { Description = "History: share of the profile's daily trips (0.1 for a quick run)", DefaultValueFactory = _ => 1.0 };
    public static readonly Option<string?> Kafka = new("--kafka") { Description = "History: Kafka bootstrap servers for control.commands (default: Kafka:BootstrapServers)" };
    public static readonly Option<string?> GuardToken = new("--guard-token") { Description = "History: token of --guard-operator at the guard booth (default: --token)" };

    public static async Task<int> RunAsync(ParseResult parse, SimulationProfile profile, string target, string? token, WeighbridgeLink? link, string? guardOperator, int seed, CancellationToken ct)
    {
        if (Durations.Days(parse.GetValue(History)) is not { } days)
        {
            CliErrors.Write(Console.Error, $"--history '{parse.GetValue(History)}' 须为天数 (must be a number of days)", "例如 (e.g.) --history 90d");
            return CliErrors.BadInput;
        }
        var options = new HistoryOptions(days, seed, DateOnly.FromDateTime(DataPlatform.Gate.ChinaTime.From(DateTimeOffset.Now).DateTime)) { Scale = parse.GetValue(Scale) };
        var planner = new HistoryPlanner(profile, options);
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Kafka) is { } servers) overrides["Kafka:BootstrapServers"] = servers;
        var builder = DataPlatformHostingExtensions.CreateBuilder(overrides);
        builder.AddStreams();
        using var host = builder.Build();
        var config = host.Services.GetRequiredService<IOptions<KafkaOptions>>().Value.Producer("dataplatform-history");
        config.MessageTimeoutMs = 15_000;
        using var producer = new ProducerBuilder<string, byte[]>(config).Build();
        using var http = new HttpClient();
        var guard = guardOperator is null ? null : new GuardCredentials(guardOperator, parse.GetValue(GuardToken) ?? token ?? "");
        var runner = new HistoryRunner(http, new Uri(target), token, producer, guard, link);
        Console.Error.WriteLine($"模拟历史 {options.FirstDay:yyyy-MM-dd}–{options.EndDay.AddDays(-1):yyyy-MM-dd} ({profile.Name}, seed {seed}, scale {options.Scale}): 预警 {planner.Alerts.Count} 次, 冒黑烟车辆(仅标签文件) {planner.Smokers.Count} 辆");
        if (token is null)
            Console.Error.WriteLine("未给 --token：不发送烟度读数，开放部署没有登记的烟度计 (no --token: opacity readings are not sent; an open deployment registers no opacity meter)");
        var report = await runner.RunAsync(planner, options, new Progress<string>(Console.Error.WriteLine), ct);
        await File.WriteAllTextAsync(parse.GetValue(Labels)!, planner.Labels.ToCsv(), ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"历史 {report.Days} 天: 控制指令 {report.Commands}, 推送 {report.Pushes} (接受 {report.Accepted}, 拒收 {report.Rejected}, 失败 {report.Failed}), 烟度 {report.Readings}, 人工补录 {report.ManualAccepted}/{report.ManualPassages}; {report.Elapsed.TotalSeconds:F0} s; 标签: {parse.GetValue(Labels)}"));
        return report.Failed == 0 ? 0 : 1;
    }
}
