using System.Globalization;

namespace DataPlatform.MachineLearning.Rules;

/// <summary>
/// The exact anomaly rules: each takes ledger facts and returns flags with their evidence. Pure and deterministic —
/// the same facts give the same flags (same ids), so a re-run raises nothing new.
/// </summary>
public sealed class ExactRules(AnomalyRuleOptions options)
{
    public const string Version = "v1";

    private static string RuleVersion(string kind) => $"rule:{kind}/{Version}";

    /// <summary>One plate at two gates (or two plants) closer in time than a truck can drive between them.</summary>
    public IEnumerable<AnomalyFlag> ClonedPlates(IEnumerable<PassageFact> passages)
    {
        foreach (var plate in passages.Where(p => !p.IsManual).GroupBy(p => p.Plate, StringComparer.Ordinal))
        {
            PassageFact? previous = null;
            foreach (var p in plate.OrderBy(p => p.PassTime).ThenBy(p => p.PassageId))
            {
                if (previous is not null && (previous.GateId != p.GateId || previous.EnterpriseId != p.EnterpriseId))
                {
                    var samePlant = previous.EnterpriseId == p.EnterpriseId;
                    var limit = TimeSpan.FromMinutes(samePlant ? options.SamePlantMinTravelMinutes : options.OtherPlantMinTravelMinutes);
                    var gap = p.PassTime - previous.PassTime;
                    if (gap < limit)
                        yield return new AnomalyFlag(AnomalyKinds.ClonedPlate, p.EnterpriseId, p.GateId, p.Plate, previous.PassTime, p.PassTime, 1,
                            "rule", RuleVersion(AnomalyKinds.ClonedPlate),
                            $"套牌嫌疑：{p.Plate} 在 {Where(previous)} 与 {Where(p)} 间隔 {gap.TotalMinutes:F1} 分钟",
                            $"同一车牌 {gap.TotalSeconds:F0} 秒内出现在两处，少于车辆最短行驶时间 {limit.TotalMinutes:F0} 分钟 (one plate at two gates {gap.TotalSeconds:F0} s apart)",
                            [previous.PassageId, p.PassageId], [], [.. previous.Pictures, .. p.Pictures]);
                }
                previous = p;
            }
        }
    }

    /// <summary>The last entry of a plate, older than the limit at <paramref name="asOf"/>, with no exit after it.</summary>
    public IEnumerable<AnomalyFlag> EntriesWithoutExit(IEnumerable<PassageFact> passages, DateTimeOffset asOf)
    {
        var limit = TimeSpan.FromDays(options.EntryWithoutExitDays);
        foreach (var plate in passages.Where(p => p.PassTime <= asOf && p.Outcome != "deny").GroupBy(p => (p.EnterpriseId, p.Plate)))
        {
            var last = plate.OrderBy(p => p.PassTime).ThenBy(p => p.Direction).Last();
            if (last.Direction != 1 || asOf - last.PassTime < limit) continue;
            var days = (asOf - last.PassTime).TotalDays;
            yield return new AnomalyFlag(AnomalyKinds.EntryWithoutExit, last.EnterpriseId, last.GateId, last.Plate, last.PassTime, asOf, 1,
                "rule", RuleVersion(AnomalyKinds.EntryWithoutExit),
                $"有进无出：{last.Plate} {Local(last.PassTime)} 进厂后 {days:F1} 天无出厂记录",
                $"最后一次进厂 {Where(last)}，至 {Local(asOf)} 未见出厂 (entry with no exit for {days:F1} days)",
                [last.PassageId], [], last.Pictures);
        }
    }

    /// <summary>A guard's manual passage of a plate the gate denied repeatedly just before.</summary>
    public IEnumerable<AnomalyFlag> GuardOverrides(IEnumerable<PassageFact> passages)
    {
        foreach (var plate in passages.GroupBy(p => (p.EnterpriseId, p.Plate)))
        {
            var ordered = plate.OrderBy(p => p.PassTime).ToList();
            foreach (var manual in ordered.Where(p => p.IsManual))
            {
                var denials = ordered.Where(p => !p.IsManual && p.Outcome == "deny" && p.PassTime < manual.PassTime
                                                 && p.PassTime >= manual.PassTime.AddHours(-options.OverrideLookbackHours)).ToList();
                if (denials.Count < options.OverrideMinDenials || manual.PassTime - denials[^1].PassTime > TimeSpan.FromHours(options.OverrideWithinHours)) continue;
                yield return new AnomalyFlag(AnomalyKinds.GuardOverride, manual.EnterpriseId, manual.GateId, manual.Plate, denials[0].PassTime, manual.PassTime, 1,
                    "rule", RuleVersion(AnomalyKinds.GuardOverride),
                    $"拒绝后人工放行：{manual.Plate} 被拦截 {denials.Count} 次后由 {manual.DeviceId["guard:".Length..]} 人工补录通行",
                    $"{denials.Count} 次拒绝 ({Local(denials[0].PassTime)}–{Local(denials[^1].PassTime)})，{Local(manual.PassTime)} 人工通行 {Where(manual)} (guard override after {denials.Count} denials)",
                    [.. denials.Select(d => d.PassageId), manual.PassageId], [], [.. denials.SelectMany(d => d.Pictures), .. manual.Pictures]);
            }
        }
    }

    /// <summary>Goods vehicles with many entries in the window and not one weighing.</summary>
    public IEnumerable<AnomalyFlag> NeverWeighed(IEnumerable<PassageFact> passages, IEnumerable<WeighingFact> weighings)
    {
        var weighed = weighings.Select(w => (w.EnterpriseId, w.Plate)).ToHashSet();
        foreach (var plate in passages.Where(p => p.CarriesGoods && p.Direction == 1 && p.Outcome != "deny").GroupBy(p => (p.EnterpriseId, p.Plate)))
        {
            var entries = plate.OrderBy(p => p.PassTime).ToList();
            if (entries.Count < options.NeverWeighedMinEntries || weighed.Contains(plate.Key)) continue;
            var first = entries[0];
            yield return new AnomalyFlag(AnomalyKinds.NeverWeighed, first.EnterpriseId, first.GateId, first.Plate, first.PassTime, entries[^1].PassTime, 1,
                "rule", RuleVersion(AnomalyKinds.NeverWeighed),
                $"货车从不过磅：{first.Plate} 进厂 {entries.Count} 次，无一次过磅记录",
                $"{Local(first.PassTime)}–{Local(entries[^1].PassTime)} 进厂 {entries.Count} 次，地磅无该车牌记录 (goods vehicle, {entries.Count} entries, never weighed)",
                [.. entries.Take(20).Select(e => e.PassageId)], [], [.. entries.Take(5).SelectMany(e => e.Pictures)]);
        }
    }

    /// <summary>Non-road machinery seen in a work area without a registration, one flag per machine and China day.</summary>
    public static IEnumerable<AnomalyFlag> UnregisteredMachinery(IEnumerable<SightingFact> sightings)
    {
        foreach (var day in sightings.Where(s => !s.Registered && s.Kind == "work-area")
                     .GroupBy(s => (s.EnterpriseId, s.Plate, Day: DateOnly.FromDateTime(DataPlatform.Gate.ChinaTime.From(s.At).DateTime))))
        {
            var seen = day.OrderBy(s => s.At).ToList();
            yield return new AnomalyFlag(AnomalyKinds.UnregisteredMachinery, day.Key.EnterpriseId, seen[0].GateId, day.Key.Plate, seen[0].At, seen[^1].At, 1,
                "rule", RuleVersion(AnomalyKinds.UnregisteredMachinery),
                $"未登记非道路机械作业：{day.Key.Plate} {day.Key.Day:yyyy-MM-dd} 在作业区出现 {seen.Count} 次",
                $"作业区相机识别到未在门岗登记的机械 (unregistered machinery in a work area), sightings {string.Join(",", seen.Select(s => s.SightingId))}",
                [], [], []);
        }
    }

    private static string Where(PassageFact p) =>
        $"{p.EnterpriseId}/{p.GateId} {(p.Direction == 1 ? "进厂" : "出厂")} {Local(p.PassTime)}";

    private static string Local(DateTimeOffset at) =>
        DataPlatform.Gate.ChinaTime.From(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
