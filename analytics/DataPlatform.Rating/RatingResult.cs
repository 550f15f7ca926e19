using System.Text.Json.Serialization;
using DataPlatform.Rating.Metrics;

namespace DataPlatform.Rating;

/// <summary>The rating of one enterprise over one period — the documented JSON contract of
/// <c>dataplatform rating --format json</c> and of the reports that build on it:
/// <c>{"enterprise","period":{"from","to"},"rules","level","metrics":{…},"criteria":[{"id","value","threshold","pass"}]}</c>.
/// Serialize only with <see cref="RatingJsonContext"/>.</summary>
public sealed record RatingResult(
    string Enterprise,
    PeriodRange Period,
    string Rules,
    string Level,
    RatingMetrics Metrics,
    IReadOnlyList<CriterionResult> Criteria)
{
    /// <summary>The criteria that failed, named (for the table output and reports).</summary>
    [JsonIgnore]
    public IEnumerable<CriterionResult> Failing => Criteria.Where(c => !c.Pass);
}

/// <summary>China calendar days, both included, as <c>yyyy-MM-dd</c> in JSON.</summary>
public sealed record PeriodRange(DateOnly From, DateOnly To)
{
    public static PeriodRange Of(RatingPeriod period) => new(period.From, period.To);
}

/// <summary>One criterion of a rule set judged: <paramref name="Value"/> null when undefined (it then fails).</summary>
public sealed record CriterionResult(string Id, double? Value, double Threshold, bool Pass);
