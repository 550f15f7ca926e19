using System.CommandLine;
using DataPlatform.Cli.Hosting;
using System.Globalization;
using System.Text.Json;
using DataPlatform.Analytics.Sql;
using DataPlatform.MachineLearning;
using DataPlatform.MachineLearning.Forecasting;
using DataPlatform.MachineLearning.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform forecast train|show|evaluate</c>: the 72-hour gate-traffic forecast (车流预测).
/// Thin: training, evaluation and the tables live in DataPlatform.MachineLearning.</summary>
public static class ForecastCommand
{
    public static Command Create()
    {
        var command = new Command("forecast", "72-hour gate traffic forecast: train, show, evaluate (未来72小时车流预测)");
        command.Subcommands.Add(Train());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Evaluate());
        return command;
    }

    private static Option<int> Seed() => new("--seed") { Description = "ML.NET seed (same ledger and seed → same model)", DefaultValueFactory = _ => 1 };

    private static Command Train()
    {
        var seed = Seed();
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("train", "Train from the ledger, keep the model only if it beats seasonal-naive, write the next 72 h") { seed, endpoint };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommonOptions.AnalyticsHost(parse.GetValue(endpoint));
            var run = await host.Services.GetRequiredService<ForecastService>().TrainAsync(DateTimeOffset.Now, parse.GetValue(seed), ct);
            var e = run.Evaluation;
            // Too short a history: the run falls back to the baseline (exit 0, the daily job does the same) and says why.
            Console.WriteLine(run.EnoughHistory
                ? string.Create(CultureInfo.InvariantCulture,
                    $"模型 {run.Model.ModelVersion} ({run.Model.Trainer}, {run.Model.Status}): 留出 {e.HoldoutFrom:yyyy-MM-dd}–{e.HoldoutTo:yyyy-MM-dd}, MAE {e.Model.Mae:F2} / 基线 {e.Baseline.Mae:F2}, MAPE {e.Model.Mape:P1} / 基线 {e.Baseline.Mape:P1}")
                : $"模型 {run.Model.ModelVersion} ({run.Model.Trainer}, {run.Model.Status}): 未训练 (not trained)");
            Console.WriteLine(run.Model.Note);
            Console.WriteLine($"已写入 traffic_forecasts {run.Forecasts.Count} 行 (model file: {(run.Model.ModelPath.Length > 0 ? run.Model.ModelPath : "—")})");
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var gate = new Option<string?>("--gate") { Description = "Only this gate (G01 …)" };
        var format = new Option<OutputFormat>("--format", "-f") { DefaultValueFactory = _ => OutputFormat.Table };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("show", "The latest forecast of the coming hours") { gate, format, endpoint };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommonOptions.AnalyticsHost(parse.GetValue(endpoint));
            var now = DateTimeOffset.Now;
            var rows = await host.Services.GetRequiredService<TrafficForecastsTable>().LatestAsync(parse.GetValue(gate), now.AddHours(-1), ct);
            var result = new QueryResult(
                ["enterprise_id", "gate_id", "direction", "hour_start", "predicted", "baseline", "model_version"],
                ["String", "String", "UInt8", "DateTime", "Float32", "Float32", "String"],
                [.. rows.Select(r => new object?[]
                {
                    r.EnterpriseId, r.GateId, r.Direction == 1 ? "进厂" : "出厂", r.HourStart.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Math.Round(r.Predicted, 1), Math.Round(r.Baseline, 1), r.ModelVersion,
                })]);
            ResultWriter.Write(result, parse.GetValue(format), Console.Out);
            if (rows.Count == 0) await Console.Error.WriteLineAsync("没有预测数据：先运行 dataplatform forecast train");
            return 0;
        });
        return command;
    }

    private static Command Evaluate()
    {
        var holdout = new Option<string>("--holdout") { Description = "Held-out days at the end of the ledger, e.g. 14d", DefaultValueFactory = _ => "14d" };
        var format = new Option<string>("--format", "-f") { Description = "text | json", DefaultValueFactory = _ => "text" };
        var seed = Seed();
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("evaluate", "MAE and MAPE of the model and of seasonal-naive (same hour a week earlier) on held-out days") { holdout, format, seed, endpoint };
        command.SetAction(async (parse, ct) =>
        {
            if (Durations.Days(parse.GetValue(holdout)) is not { } days)
            {
                CliErrors.Write(Console.Error, $"--holdout '{parse.GetValue(holdout)}' 须为天数 (must be a number of days)", "例如 (e.g.) --holdout 14d");
                return CliErrors.BadInput;
            }
            using var host = CommonOptions.AnalyticsHost(parse.GetValue(endpoint));
            ForecastEvaluation e;
            try
            {
                e = await host.Services.GetRequiredService<ForecastService>().EvaluateAsync(DateTimeOffset.Now, days, parse.GetValue(seed), ct);
            }
            catch (NotEnoughHistoryException tooShort)
            {
                CliErrors.Write(Console.Error, tooShort.Message,
                    $"积累更多天的台账、减小 --holdout，或先模拟历史: dataplatform simulate --history {tooShort.DaysNeeded}d (collect more days, use a smaller --holdout, or simulate a history)");
                return CliErrors.NotEnoughData;
            }
            if (parse.GetValue(format) == "json")
                Console.WriteLine(JsonSerializer.Serialize(e, MachineLearningJson.Default.ForecastEvaluation));
            else
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"留出 {e.HoldoutFrom:yyyy-MM-dd}–{e.HoldoutTo:yyyy-MM-dd} ({e.Model.Hours} 小时·序列, 训练 {e.TrainingRows} 行, seed {e.Seed})\n模型 (FastTree): MAE {e.Model.Mae:F3}, MAPE {e.Model.Mape:P1}\n季节性朴素基线: MAE {e.Baseline.Mae:F3}, MAPE {e.Baseline.Mape:P1}\n{(e.ModelBeatsBaseline ? "模型优于基线" : "模型未优于基线：训练任务将沿用基线")}"));
            return 0;
        });
        return command;
    }
}

/// <summary>Durations written as <c>90d</c> (days) on the command line.</summary>
public static class Durations
{
    public static int? Days(string? text) =>
        text is { Length: > 1 } && text[^1] is 'd' or 'D' && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0 ? days : null;
}
