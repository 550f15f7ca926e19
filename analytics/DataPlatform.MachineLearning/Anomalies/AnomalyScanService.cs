using DataPlatform.MachineLearning.Features;
using DataPlatform.MachineLearning.Ledger;
using DataPlatform.MachineLearning.Rules;
using DataPlatform.MachineLearning.SmokingRisk;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace DataPlatform.MachineLearning.Anomalies;

/// <summary>What a scan found and raised.</summary>
public sealed record AnomalyScan(IReadOnlyList<AnomalyFlag> Found, IReadOnlyList<AnomalyFlag> NewFlags, int NewAlarms);

/// <summary>Runs the exact rules, the night-burst model and the smoking-risk model over the training window, stores
/// the flags not raised before and raises an alarm for each.</summary>
public sealed class AnomalyScanService(
    LedgerFactsReader reader, AnomalyFlagsTable flags, MlModelsTable models, SmokingRiskService smoking, AnomalyAlarms alarms,
    ModelStore store, IOptions<MachineLearningOptions> options, IOptions<AnomalyRuleOptions> rules)
{
    public async Task<AnomalyScan> ScanAsync(DateTimeOffset now, int seed, CancellationToken ct)
    {
        var from = now.AddDays(-options.Value.TrainingDays);
        var passages = await reader.PassagesAsync(from, now, ct);
        var exact = new ExactRules(rules.Value);
        var found = new List<AnomalyFlag>();
        found.AddRange(exact.ClonedPlates(passages));
        found.AddRange(exact.EntriesWithoutExit(passages, now));
        found.AddRange(exact.GuardOverrides(passages));
        found.AddRange(exact.NeverWeighed(passages, await reader.WeighingsAsync(from.AddDays(-1), now, ct)));
        found.AddRange(ExactRules.UnregisteredMachinery(await reader.SightingsAsync(from, now, ct)));

        var ml = new MLContext(seed);
        var version = ModelStore.Version(NightBurstDetector.Kind, now);
        var gateHours = GateHourFeatureBuilder.Build(
            passages.Where(p => !p.IsManual).Select(p => new GatePassage(p.PassageId, p.EnterpriseId, p.GateId, p.Direction, p.PassTime, p.Plate, p.Outcome)),
            ChinaHours.Of(from), ChinaHours.Of(now));
        var (pca, bursts) = NightBurstDetector.Detect(ml, gateHours, version);
        if (pca is not null)
        {
            var path = store.PathOf(version);
            var sha = pca.Save(ml, path);
            await models.InsertAsync(new MlModelRow(NightBurstDetector.Kind, version, "", Models.NightBurstModel.Trainer, now, from, now,
                GateHourFeatures.Names, new Dictionary<string, double> { ["gate_hours"] = gateHours.Count, ["flagged"] = bursts.Count, ["min_robust_score"] = NightBurstDetector.MinRobustScore },
                gateHours.Count, path, sha, "active", ""), ct);
        }
        found.AddRange(bursts);
        found.AddRange((await smoking.RunAsync(now, seed, persist: true, ct)).Flags);

        var fresh = await flags.RaiseAsync(found, now, ct);
        var raised = await alarms.RaiseAsync(fresh, ct);
        return new AnomalyScan(found, fresh, raised);
    }
}
