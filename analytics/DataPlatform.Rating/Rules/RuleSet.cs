using System.Text.Json.Serialization;

namespace DataPlatform.Rating.Rules;

/// <summary>An industry's (or a province's variant of an industry's) rating rules, kept as a data file in
/// <c>RuleSets/&lt;id&gt;.json</c>. The stage minimums say which vehicles count as compliant in the shares
/// (<c>D</c> = electric only; "6" = 国六 or electric, "5" = 国五+ or electric); the levels are tried A, B, C in order
/// and the first whose every criterion passes is the enterprise's level.</summary>
/// <remarks>
/// <para><paramref name="Id"/>: e.g. <c>steel-long</c>; what <c>--rules</c> names.</para>
/// <para><paramref name="Name"/>: Chinese name printed in reports, e.g. 钢铁（长流程）.</para>
/// <para><paramref name="Source"/>: Where the thresholds come from (spec §4 tag, or the project's own choice).</para>
/// </remarks>
public sealed record RuleSet(
    string Id,
    string Name,
    string Industry,
    string? Province,
    string Source,
    string RoadMinimumStage,
    string InPlantMinimumStage,
    string NonRoadMinimumStage,
    IReadOnlyList<LevelRule> Levels)
{
    /// <summary>How many trailing calendar months the rating needs (the longest "N consecutive months" rule).</summary>
    [JsonIgnore]
    public int MonthsNeeded => Levels.SelectMany(l => l.Criteria).Select(c => c.ConsecutiveMonths).DefaultIfEmpty(1).Max();
}

/// <summary>A level (A, B or C) and the criteria that must all pass for it.</summary>
public sealed record LevelRule(string Level, IReadOnlyList<CriterionRule> Criteria);

/// <summary><paramref name="Metric"/> (a ratio of <see cref="Metrics.MetricNames"/>) must be ≥ <paramref name="Threshold"/>;
/// with <paramref name="ConsecutiveMonths"/> &gt; 1, in each of that many calendar months ending with the period's
/// last month (the value judged is the lowest of them).</summary>
public sealed record CriterionRule(string Metric, double Threshold, int ConsecutiveMonths = 1)
{
    /// <summary>The criterion's id in a result: <c>A.clean_transport_ratio</c>, <c>A.clean_transport_ratio.3m</c>.</summary>
    public string IdFor(string level) => ConsecutiveMonths > 1 ? $"{level}.{Metric}.{ConsecutiveMonths}m" : $"{level}.{Metric}";
}
