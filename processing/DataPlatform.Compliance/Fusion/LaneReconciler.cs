using System.Globalization;
using DataPlatform.Compliance.Plates;
using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Compliance.Fusion;

/// <summary>
/// Settles the plate of a lane group from all its reads (pure, independent of the reads' order). Agreeing reads
/// combine their confidence. Reads that differ by confusable characters only (0/D/Q, 8/B, 1/I …, at most
/// <see cref="ReconcilerOptions.MaxCorrections"/>) are resolved to the registered tag's plate when an e-tag resolved
/// to a registered vehicle read one of them, else to the one plate the registry knows; when none or several are
/// registered, or the reads differ otherwise, the passage is flagged for review with every candidate. The corrected
/// plate always comes from a read, never from the rule itself.
/// </summary>
public static class LaneReconciler
{
    public static FusedPlate Reconcile(LaneGroup group, VehicleRegistry registry, ReconcilerOptions options)
    {
        var reads = group.SealedReads.OrderBy(r => r.PassTime).ThenBy(r => r.EventId, StringComparer.Ordinal).ToList();
        var survivor = group.Survivor;
        var texts = reads.Select(r => r.Plate).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)
            .OrderBy(t => t == survivor.Plate ? 0 : 1).ThenBy(t => t, StringComparer.Ordinal).ToList();
        if (texts.Count == 0) texts.Add(survivor.Plate);

        if (texts.Count == 1)
        {
            var rule = reads.Count > 1 ? $"{Sources(reads)} 读数一致" : "";
            return Settle(texts[0], reads, survivor, rule, reason: "", candidates: [], options);
        }

        var confusable = texts.All(t => ConfusableEditDistance.ConfusableDifferences(texts[0], t, options.MaxCorrections) is not null)
                         && texts.All(a => texts.All(b => ConfusableEditDistance.ConfusableDifferences(a, b, options.MaxCorrections) is not null));
        var listing = string.Join("，", reads.Select(r => $"{Source(r)} {Show(r.Plate)}"));
        if (!confusable)
            return Settle(survivor.Plate, reads, survivor, "", $"同车道多设备读数冲突（差异不是易混字符）：{listing}", texts, options);

        var tagged = reads.Where(r => r is { IsETag: true, Registered: true }).Select(r => r.Plate)
            .Where(texts.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (tagged.Count == 1)
            return Settle(tagged[0], reads, survivor, $"易混字符校正为电子标识登记号牌 {tagged[0]}：{listing}", "", [], options);
        var registered = texts.Where(t => registry.FindByPlate(t).Count > 0).ToList();
        if (tagged.Count == 0 && registered.Count == 1)
            return Settle(registered[0], reads, survivor, $"易混字符校正为登记库号牌 {registered[0]}：{listing}", "", [], options);
        var why = tagged.Count > 1 ? "多个电子标识号牌" : registered.Count == 0 ? "登记库中均无" : "登记库中均有";
        return Settle(survivor.Plate, reads, survivor, "", $"同车道多设备读数为易混号牌，{why}，无法判断：{listing}", texts, options);
    }

    private static FusedPlate Settle(string plate, List<LaneRead> reads, LaneRead survivor, string rule, string reason,
        IReadOnlyList<string> candidates, ReconcilerOptions options)
    {
        var agreeing = reads.Where(r => r.Plate == plate).ToList();
        double? confidence = agreeing.Count == 0 ? survivor.Confidence
            : agreeing.Any(r => !r.IsETag && r.Confidence is not null)
                ? 1 - agreeing.Select(r => 1 - (r.IsETag && r.Registered ? 0.9 : r.Confidence ?? options.MissingConfidence)).Aggregate(1.0, (a, b) => a * b)
                : survivor.Confidence;
        var color = agreeing.FirstOrDefault(r => !r.IsETag)?.Color ?? survivor.Color;
        var verdicts = reads.ToDictionary(r => r.EventId,
            r => reason.Length > 0 ? (r.Plate == survivor.Plate ? ReadRelation.Agree : ReadRelation.Conflict)
                : r.Plate == plate ? ReadRelation.Agree : ReadRelation.Corrected, StringComparer.Ordinal);
        return new FusedPlate(plate, color, confidence is { } c ? Math.Round(c, 6) : null, reason, candidates, rule, verdicts);
    }

    private static string Sources(IEnumerable<LaneRead> reads) => string.Join("、", reads.Select(Source));

    private static string Source(LaneRead r) => r.IsETag ? $"电子标识 {r.DeviceId}" : $"相机 {r.DeviceId}";

    private static string Show(string text) => text.Length == 0 ? "(空)" : text;

    internal static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
