using DataPlatform.MachineLearning.Features;
using DataPlatform.MachineLearning.Ledger;
using DataPlatform.MachineLearning.Models;
using DataPlatform.MachineLearning.Rules;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace DataPlatform.MachineLearning.SmokingRisk;

/// <summary>A smoking-risk run: the model row, every vehicle's score, the flags of the budget's top vehicles, and the
/// facts it used (for evaluation against labels).</summary>
public sealed record SmokingRiskRun(
    MlModelRow Model, IReadOnlyDictionary<string, double> Scores, IReadOnlyList<AnomalyFlag> Flags,
    SmokingFeatureBuilder Features, IReadOnlyDictionary<string, VehicleProfile> Profiles);

/// <summary>Trains "next reading over the limit" on the vehicles with readings (plus reviewers' confirmed / dismissed
/// smoking flags), scores every vehicle seen at the gates, and flags the top <c>SmokingBudget</c> share for a spot check.</summary>
public sealed class SmokingRiskService(
    LedgerFactsReader reader, MlModelsTable models, AnomalyFlagsTable flags, ModelStore store, IOptions<MachineLearningOptions> options)
{
    public const string Kind = "smoking-risk";

    public async Task<SmokingRiskRun> RunAsync(DateTimeOffset now, int seed, bool persist, CancellationToken ct)
    {
        var from = now.AddDays(-options.Value.TrainingDays);
        var passages = await reader.PassagesAsync(from, now, ct);
        var readings = await reader.OpacityReadingsAsync(from, now, ct);
        var profiles = await reader.ProfilesAsync(from, now, ct);
        var reviewed = (await flags.ListAsync(AnomalyKinds.SmokingRisk, null, null, 100_000, ct))
            .Where(f => f.Status is FlagStatus.Confirmed or FlagStatus.Dismissed)
            .Select(f => (f.Flag.Subject, f.ChangedAt, f.Status == FlagStatus.Confirmed)).ToList();
        var builder = new SmokingFeatureBuilder(profiles, readings, LedgerFactsReader.Entries(passages));
        var examples = builder.TrainingExamples(now, reviewed).ToList();
        var ml = new MLContext(seed);
        var version = ModelStore.Version(Kind, now);
        var seen = passages.Where(p => !p.IsManual).Select(p => p.Plate).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var features = seen.Select(p => builder.Build(p, now)).ToList();
        var trainable = examples.Any(e => e.Label) && examples.Any(e => !e.Label);
        var model = trainable ? SmokingRiskModel.Train(ml, examples) : null;
        // Without both outcomes in the readings nothing can be learnt: the latest k ranks instead, and the row says so.
        var scores = model is null ? features.Select(f => f.LastK).ToList() : SmokingRiskModel.Score(ml, model, features);
        var byPlate = seen.Select((p, i) => (p, (double)scores[i])).ToDictionary(x => x.p, x => x.Item2, StringComparer.Ordinal);
        var budget = Evaluation.BudgetedRanking.BudgetCount(seen.Count, options.Value.SmokingBudget);
        var raised = byPlate.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(budget)
            .Select(kv => Flag(kv.Key, kv.Value, builder, passages, now, from, version)).ToList();
        string path = "", sha = "";
        if (persist && model is not null)
        {
            path = store.PathOf(version);
            sha = model.Save(ml, path);
        }
        var row = new MlModelRow(Kind, version, string.Join(",", passages.Select(p => p.EnterpriseId).Distinct().Order(StringComparer.Ordinal)),
            model is null ? "latest-k" : SmokingRiskModel.Trainer, now, from, now, SmokingFeatures.Names,
            new Dictionary<string, double>
            {
                ["budget"] = options.Value.SmokingBudget, ["vehicles_scored"] = seen.Count, ["flagged"] = raised.Count,
                ["training_positive_share"] = examples.Count == 0 ? 0 : (double)examples.Count(e => e.Label) / examples.Count,
                ["reviewed_labels"] = reviewed.Count,
            },
            examples.Count, path, sha, "active", model is null ? "读数中无超标/未超标两类样本，按最近光吸收系数排序 (no model: readings lack one class)" : "");
        if (persist) await models.InsertAsync(row, ct);
        return new SmokingRiskRun(row, byPlate, raised, builder, profiles);
    }

    private static AnomalyFlag Flag(string plate, double score, SmokingFeatureBuilder builder, IReadOnlyList<PassageFact> passages,
        DateTimeOffset now, DateTimeOffset from, string version)
    {
        var readings = builder.ReadingsOf(plate).Where(r => r.At < now).ToList();
        var recent = passages.Where(p => p.Plate == plate && p.Direction == 1).TakeLast(3).ToList();
        var readingText = readings.Count == 0 ? "无烟度检测记录 (never measured)"
            : $"烟度检测 {readings.Count} 次，最近 k={readings[^1].K:F2} m⁻¹，最大 k={readings.Max(r => r.K ?? 0):F2}";
        // One flag per vehicle and China day: re-running the same day raises nothing new.
        var day = DataPlatform.Gate.Calendar.ChinaHolidays.DayOf(now);
        return new AnomalyFlag(AnomalyKinds.SmokingRisk, recent.LastOrDefault()?.EnterpriseId ?? "", recent.LastOrDefault()?.GateId ?? "", plate,
            from, now, score, Kind, version,
            $"冒黑烟嫌疑：{plate} 风险评分 {score:F2}，建议抽检",
            $"{readingText}；smoking risk {score:F3}, suggested spot check ({day:yyyy-MM-dd})",
            [.. recent.Select(p => p.PassageId)], [.. readings.TakeLast(5).Select(r => r.ReadingId)], [.. recent.SelectMany(p => p.Pictures)])
        {
            Occurrence = day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
