using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DataPlatform.Analytics.Sql;
using DataPlatform.Cli.Hosting;
using DataPlatform.MachineLearning;
using DataPlatform.MachineLearning.Anomalies;
using DataPlatform.MachineLearning.Evaluation;
using DataPlatform.MachineLearning.Ledger;
using DataPlatform.MachineLearning.Rules;
using DataPlatform.MachineLearning.SmokingRisk;
using DataPlatform.Simulation.History;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform anomalies scan|list|review|evaluate</c>: anomaly flags (异常线索) — cloned plates, entries
/// without exit, guard overrides, never-weighed trucks, unregistered machinery, night bursts, smoking risk.</summary>
public static class AnomaliesCommand
{
    public static Command Create()
    {
        var command = new Command("anomalies", "Anomaly flags: scan, list, review, evaluate (异常线索)");
        command.Subcommands.Add(Scan());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Review());
        command.Subcommands.Add(Evaluate());
        return command;
    }

    private static Command Scan()
    {
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("scan", "Run the rules and models over the ledger; store new flags and raise their alarms") { seed, endpoint };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommonOptions.AnalyticsHost(parse.GetValue(endpoint));
            var scan = await host.Services.GetRequiredService<AnomalyScanService>().ScanAsync(DateTimeOffset.Now, parse.GetValue(seed), ct);
            foreach (var kind in scan.Found.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
                Console.WriteLine($"{AnomalyKinds.ChineseName(kind.Key)} ({kind.Key}): {kind.Count()}");
            Console.WriteLine($"发现 {scan.Found.Count} 条, 新增 {scan.NewFlags.Count} 条, 告警 {scan.NewAlarms} 条");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var kind = new Option<string?>("--kind") { Description = "Only this kind: " + string.Join(", ", AnomalyKinds.All) };
        var status = new Option<string?>("--status") { Description = "open | confirmed | dismissed" };
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 50 };
        var format = new Option<OutputFormat>("--format", "-f") { DefaultValueFactory = _ => OutputFormat.Table };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("list", "Current state of flags, newest first") { kind, status, limit, format, endpoint };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(kind) is { } k && !AnomalyKinds.All.Contains(k))
            {
                CliErrors.Write(Console.Error, $"未知的线索类型 (unknown kind) --kind '{k}'", "可选 (one of): " + string.Join(", ", AnomalyKinds.All));
                return CliErrors.BadInput;
            }
            using var host = CommonOptions.AnalyticsHost(parse.GetValue(endpoint));
            var rows = await host.Services.GetRequiredService<AnomalyFlagsTable>().ListAsync(parse.GetValue(kind), parse.GetValue(status), null, parse.GetValue(limit), ct);
            var result = new QueryResult(
                ["flag_id", "kind", "status", "subject", "gate_id", "observed", "score", "model_version", "title", "passages", "readings", "pictures"],
                ["UUID", "String", "String", "String", "String", "String", "Float64", "String", "String", "String", "String", "UInt32"],
                [.. rows.Select(r => new object?[]
                {
                    r.FlagId, r.Flag.Kind, r.Status, r.Flag.Subject, r.Flag.GateId,
                    r.Flag.ObservedFrom.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Math.Round(r.Flag.Score, 3), r.Flag.ModelVersion, r.Flag.Title,
                    string.Join(" ", r.Flag.PassageIds), string.Join(" ", r.Flag.ReadingIds), r.Flag.Pictures.Count,
                })]);
            ResultWriter.Write(result, parse.GetValue(format), Console.Out);
            return 0;
        });
        return command;
    }

    private static Command Review()
    {
        var id = new Argument<Guid>("flag-id") { Description = "flag_id from 'anomalies list'" };
        var verdict = new Argument<string>("verdict") { Description = "confirmed | dismissed" };
        var by = new Option<string>("--by") { Description = "Reviewer (审核人)", Required = true };
        var note = new Option<string?>("--note") { Description = "Why (审核说明)" };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("review", "Mark a flag confirmed or dismissed (a new version; the earlier ones stay)") { id, verdict, by, note, endpoint };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(verdict) is not (FlagStatus.Confirmed or FlagStatus.Dismissed))
            {
                CliErrors.Write(Console.Error, $"结论须为 confirmed 或 dismissed (verdict must be confirmed or dismissed)，收到 (got) '{parse.GetValue(verdict)}'", "例如 (e.g.) dataplatform anomalies review FLAG-ID confirmed --by inspector-li");
                return CliErrors.BadInput;
            }
            using var host = CommonOptions.AnalyticsHost(parse.GetValue(endpoint));
            try
            {
                var row = await host.Services.GetRequiredService<AnomalyFlagsTable>().ReviewAsync(
                    parse.GetValue(id), parse.GetValue(verdict)!, parse.GetValue(by)!, parse.GetValue(note) ?? "", DateTimeOffset.Now, ct);
                Console.WriteLine($"异常线索 {row.FlagId} → {row.Status} (版本 {row.Version}, 审核人 {row.Reviewer})");
                return 0;
            }
            catch (KeyNotFoundException ex)
            {
                CliErrors.Write(Console.Error, ex.Message, "dataplatform anomalies list 查看线索编号 (lists the flag ids)");
                return CliErrors.BadInput;
            }
        });
        return command;
    }

    private static Command Evaluate()
    {
        var labels = new Option<string>("--labels") { Description = "The simulator's labels file (simulate --history --labels)", Required = true };
        var format = new Option<string>("--format", "-f") { Description = "text | json", DefaultValueFactory = _ => "text" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("evaluate", "Smoking-risk precision/recall at the budget vs two baselines, and planted anomalies found, against simulator labels")
            { labels, format, seed, endpoint };
        command.SetAction(async (parse, ct) =>
        {
            var (smokers, planted) = HistoryLabels.ReadCsv(await File.ReadAllTextAsync(parse.GetValue(labels)!, ct));
            using var host = CommonOptions.AnalyticsHost(parse.GetValue(endpoint));
            var budget = host.Services.GetRequiredService<IOptions<MachineLearningOptions>>().Value.SmokingBudget;
            var run = await host.Services.GetRequiredService<SmokingRiskService>().RunAsync(DateTimeOffset.Now, parse.GetValue(seed), persist: false, ct);
            var flags = await host.Services.GetRequiredService<AnomalyFlagsTable>().ListAsync(null, null, null, 100_000, ct);
            var report = new LabelledEvaluation(parse.GetValue(seed), budget,
                SmokingRiskEvaluation.Compare(run.Scores, run.Profiles, run.Features.ReadingsOf, smokers, budget),
                LabelledEvaluation.Match(planted, [.. flags.Select(f => (f.FlagId, f.Flag))]));
            if (parse.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(report, MachineLearningJson.Default.LabelledEvaluation));
                return 0;
            }
            Console.WriteLine($"冒黑烟嫌疑 (budget {budget:P0} of {run.Scores.Count} vehicles, {smokers.Count} labelled smokers):");
            foreach (var r in report.SmokingRisk)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Method,-28} flagged {r.Flagged,4}  precision {r.Precision:P1}  recall {r.Recall:P1}"));
            foreach (var p in report.Planted)
                Console.WriteLine($"  planted {p.Kind} {p.Subject}: {(p.Found ? $"flagged ({p.FlagId}, {p.EvidencePassages} passages)" : "NOT flagged — run anomalies scan first")}");
            return 0;
        });
        return command;
    }
}
