using System.CommandLine;
using DataPlatform.Cli.Hosting;
using DataPlatform.Ledger;
using DataPlatform.Streams;
using Microsoft.Extensions.Configuration;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform health [--role R]</c>: compose's health checks and an operator's first question. Exit 0
/// when everything checked is healthy, 1 when something answered unhealthy, 3 when nothing answered.</summary>
public static class HealthCommand
{
    public static readonly string[] Roles = ["ingest", "processing", "analytics", "bridge"];

    public static Command Create()
    {
        var role = new Option<string?>("--role") { Description = "What healthy means: ingest (listener answers), processing (lag under --max-lag), analytics (listener answers), bridge (outbox draining)" };
        role.AcceptOnlyFromAmong(Roles);
        var url = new Option<string?>("--url") { Description = "An HTTP URL that must answer 2xx (ingest's /healthz, the analytics listener's /healthz)" };
        var maxLag = new Option<long>("--max-lag") { Description = "processing: most unprocessed gate.raw messages still healthy", DefaultValueFactory = _ => 10_000 };
        var clickHouse = CommonOptions.ClickHouse();
        var command = new Command("health", "Exit 0 when the platform (or one role of it) is healthy; 1 unhealthy; 3 nothing answers") { role, url, maxLag, clickHouse };
        command.SetAction(async (parse, ct) =>
        {
            var builder = CommonOptions.OneShotBuilder(parse.GetValue(clickHouse));
            var configuration = builder.Configuration;
            var ch = configuration.GetSection("ClickHouse").Get<ClickHouseOptions>() ?? new ClickHouseOptions();
            var findings = new List<HealthFinding>();
            var explicitUrl = parse.GetValue(url);
            switch (parse.GetValue(role))
            {
                case "processing":
                    findings.Add(await PlatformHealth.ClickHouseAsync(ch, ct));
                    var kafka = configuration.GetSection("Kafka").Get<KafkaOptions>() ?? new KafkaOptions();
                    findings.Add(await PlatformHealth.ConsumerLagAsync(kafka, configuration["Processing:GroupId"] ?? "processing", Topics.GateRaw, parse.GetValue(maxLag), ct));
                    break;
                case "bridge":
                    findings.Add(await PlatformHealth.ClickHouseAsync(ch, ct));
                    findings.Add(await PlatformHealth.OutboxAsync(configuration, ch, ct));
                    break;
                case "analytics":
                    findings.Add(await PlatformHealth.HttpAsync(new Uri(explicitUrl ?? "http://127.0.0.1:8090/healthz"), ct));
                    break;
                case "ingest":
                    findings.Add(await PlatformHealth.HttpAsync(new Uri(explicitUrl ?? "http://127.0.0.1:8080/healthz"), ct));
                    break;
                default:
                    // No role: whatever the options, environment or a local standalone's endpoints name — at least ClickHouse.
                    findings.Add(await PlatformHealth.ClickHouseAsync(ch, ct));
                    if ((explicitUrl ?? IngestHealth(configuration)) is { } target) findings.Add(await PlatformHealth.HttpAsync(new Uri(target), ct));
                    break;
            }
            foreach (var finding in findings) Console.WriteLine($"{(finding.Healthy ? "正常 (ok)  " : "异常 (FAIL)")} {finding.What}");
            if (findings.All(f => f.Healthy)) return 0;
            if (findings.All(f => !f.Answered))
            {
                CliErrors.Write(Console.Error, "没有任何组件应答 (nothing answered)", CliErrors.PlatformHint);
                return CliErrors.Unreachable;
            }
            return CliErrors.Failed;
        });
        return command;
    }

    private static string? IngestHealth(IConfiguration configuration) =>
        configuration[LocalEndpoints.IngestUrlKey] is { Length: > 0 } ingest ? new Uri(new Uri(ingest), "/healthz").ToString() : null;
}
