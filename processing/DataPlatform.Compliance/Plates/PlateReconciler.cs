using System.Globalization;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;

namespace DataPlatform.Compliance.Plates;

/// <summary>Cross-checks the primary camera read against second cameras, the e-tag and the registry. It accepts a
/// read as is when it is confident and nothing contradicts it, corrects it only when the primary differs from
/// what independent sources agree on by confusable characters alone and enough evidence supports the corrected
/// plate, and otherwise sends the passage to manual review. It never corrects on its own say-so: the corrected
/// text always comes from a source that read it.</summary>
public static class PlateReconciler
{
    public const string PrimarySource = "primary";
    public const string RegistrySource = "registry";

    public static PlateReconciliation Reconcile(
        PlateRead primary, IReadOnlyList<PlateRead> secondReads, PlateRead? etag, VehicleRegistry registry) =>
        Reconcile(primary, secondReads, etag, registry, ReconcilerOptions.Default);

    /// <remarks><paramref name="etag"/>: The plate the e-tag reader resolved, if any; trusted regardless of
    /// confidence.</remarks>
    public static PlateReconciliation Reconcile(
        PlateRead primary, IReadOnlyList<PlateRead> secondReads, PlateRead? etag, VehicleRegistry registry,
        ReconcilerOptions options)
    {
        var primaryText = PlateNormalizer.Normalize(primary.Text);
        var primaryConfidence = primary.Confidence ?? options.MissingConfidence;
        var supporters = Supporters(secondReads, etag, options);
        var texts = supporters.Select(s => s.Text).Distinct(StringComparer.Ordinal).ToList();

        if (texts.Count > 1)
            return Review($"来源冲突：主读 {Show(primaryText)}，" +
                          string.Join("，", supporters.Select(s => $"{s.Read.Source} {Show(s.Text)}")),
                primaryText, [primaryText, .. texts]);

        if (texts.Count == 1)
        {
            var agreed = texts[0];
            if (!PlateParser.TryParse(agreed, out var agreedPlate, out _))
                return Review($"其他来源读出的号牌 {Show(agreed)} 不符合编码规则", primaryText, [primaryText, agreed]);
            var evidence = supporters.Select(s => new PlateEvidence(s.Read.Source, agreed, Describe(s))).ToList();
            if (agreed == primaryText)
            {
                evidence.Insert(0, new PlateEvidence(PrimarySource, agreed, $"主相机识别，置信度 {Format(primaryConfidence)}"));
                return Accept(agreedPlate, primary, etag, registry, corrected: false, primaryText, evidence);
            }

            var differences = ConfusableEditDistance.ConfusableDifferences(primaryText, agreed, options.MaxCorrections);
            if (differences is null)
                return Review($"主读 {Show(primaryText)} 与 {string.Join("、", supporters.Select(s => s.Read.Source))} " +
                              $"读出的 {agreed} 不一致，且差异不是易混字符", primaryText, [primaryText, agreed]);
            if (registry.FindByPlate(primaryText).Count > 0)
                return Review($"主读 {primaryText} 与其他来源读出的 {agreed} 均为登记车辆，无法判断", primaryText,
                    [primaryText, agreed]);
            if (registry.FindByPlate(agreed).Count > 0)
                evidence.Add(new PlateEvidence(RegistrySource, agreed, "车辆登记库中有该号牌"));
            if (evidence.Count < options.MinimumCorrectionEvidence)
                return Review($"主读 {Show(primaryText)} 疑似误识为 {agreed}，但证据不足（{evidence.Count} 项，" +
                              $"需 {options.MinimumCorrectionEvidence} 项）", primaryText, [primaryText, agreed]);
            var positions = string.Join("、", differences.Select(i => $"第{i + 1}位 {primaryText[i]}→{agreed[i]}"));
            evidence.Insert(0, new PlateEvidence(PrimarySource, agreed, $"主读 {primaryText} 易混字符校正：{positions}"));
            return Accept(agreedPlate, primary, etag, registry, corrected: true, primaryText, evidence);
        }

        var lookAlikes = registry.FindConfusable(primaryText).Select(v => v.Plate.Text)
            .Where(t => t != primaryText).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (!PlateParser.TryParse(primaryText, out var plate, out var reason))
            return Review($"主读号牌 {Show(primaryText)} 不符合编码规则（{reason}），且无其他来源", primaryText, lookAlikes);
        if (primaryConfidence < options.MinimumConfidence)
            return Review($"识别置信度 {Format(primaryConfidence)} 低于阈值 {Format(options.MinimumConfidence)}，且无其他来源印证",
                primaryText, [primaryText, .. lookAlikes]);
        if (options.ReviewRegistryLookAlikes && lookAlikes.Count > 0 && registry.FindByPlate(primaryText).Count == 0)
            return Review($"{primaryText} 未登记，但登记库中有易混号牌 {string.Join("、", lookAlikes)}", primaryText,
                [primaryText, .. lookAlikes]);
        return Accept(plate, primary, etag, registry, corrected: false, primaryText,
            [new PlateEvidence(PrimarySource, primaryText, $"主相机识别，置信度 {Format(primaryConfidence)}")]);
    }

    private static List<Supporter> Supporters(IReadOnlyList<PlateRead> secondReads, PlateRead? etag, ReconcilerOptions options)
    {
        var supporters = new List<Supporter>();
        if (etag is not null && PlateNormalizer.Normalize(etag.Text) is { Length: > 0 } etagText)
            supporters.Add(new Supporter(etag, etagText, IsETag: true));
        foreach (var read in secondReads)
        {
            var text = PlateNormalizer.Normalize(read.Text);
            if (text.Length > 0 && (read.Confidence ?? options.MissingConfidence) >= options.MinimumConfidence)
                supporters.Add(new Supporter(read, text, IsETag: false));
        }
        return supporters;
    }

    // The colour comes from the primary camera; an e-tag that says otherwise is a conflict, and an unknown colour
    // is filled from the e-tag, else from the registry when only one colour is registered under the plate.
    private static PlateReconciliation Accept(
        PlateNumber plate, PlateRead primary, PlateRead? etag, VehicleRegistry registry, bool corrected,
        string primaryText, List<PlateEvidence> evidence)
    {
        var color = primary.Color;
        if (etag is { Color: not PlateColor.Unknown } && etag.Color != color)
        {
            if (color != PlateColor.Unknown)
                return Review($"号牌颜色冲突：主相机 {color.ChineseName}，电子标识 {etag.Color.ChineseName}", primaryText,
                    [plate.Text]);
            color = etag.Color;
            evidence.Add(new PlateEvidence(etag.Source, plate.Text, $"号牌颜色取自电子标识：{color.ChineseName}"));
        }
        if (color == PlateColor.Unknown && registry.FindByPlate(plate.Text) is [var only])
        {
            color = only.PlateColor;
            evidence.Add(new PlateEvidence(RegistrySource, plate.Text, $"号牌颜色取自登记库：{color.ChineseName}"));
        }
        return new PlateAccepted(plate, color, corrected, primaryText, evidence);
    }

    private static PlateReviewRequired Review(string reason, string primaryText, IEnumerable<string> candidates) =>
        new(reason, primaryText, [.. candidates.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)]);

    private static string Describe(Supporter s) => s.IsETag
        ? "电子标识读出该号牌"
        : $"副相机识别，置信度 {Format(s.Read.Confidence ?? double.NaN)}";

    private static string Format(double value) =>
        double.IsNaN(value) ? "未知" : value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Show(string text) => text.Length == 0 ? "(空)" : text;

    private sealed record Supporter(PlateRead Read, string Text, bool IsETag);
}
