using DataPlatform.Ledger;

namespace DataPlatform.Processing.Alarms.Rules;

/// <summary>
/// Input → zero or more alarms, one per matching rule. Pure and stateless: de-duplication is by id, not by memory.
/// Repeats of one (rule, subject) inside one fixed window get the same alarm id, so the ledger's id check and
/// ReplacingMergeTree keep one row — across batches, restarts and redeliveries alike, with nothing to persist.
/// </summary>
public sealed class AlarmEvaluator(IReadOnlyList<AlarmRule> rules)
{
    public IReadOnlyList<AlarmRule> Rules { get; } = rules;

    public IReadOnlyList<Alarm> Evaluate(AlarmInput input) =>
        [.. Rules.Where(r => Matches(r, input)).Select(r => Raise(r, input))];

    public static bool Matches(AlarmRule rule, AlarmInput input) =>
        rule.Source == input.Source
        && AnyOrEmpty(rule.Outcomes, o => string.Equals(o, input.Outcome, StringComparison.OrdinalIgnoreCase))
        && AnyOrEmpty(rule.RuleIdPrefixes, p => input.RuleId.StartsWith(p, StringComparison.Ordinal))
        && AnyOrEmpty(rule.PlateColors, c => string.Equals(c, input.PlateColor, StringComparison.OrdinalIgnoreCase))
        && AnyOrEmpty(rule.ReasonContains, s => input.Reasons.Any(r => r.Contains(s, StringComparison.Ordinal)))
        && AnyOrEmpty(rule.DeviceEventKinds, k => string.Equals(k, input.DeviceEventKind, StringComparison.OrdinalIgnoreCase))
        && ExceedsLimit(rule, input);

    // A rule with emission limits matches a reading above any of them; a rule without limits is not restricted.
    private static bool ExceedsLimit(AlarmRule rule, AlarmInput input) =>
        rule.OpacityPercentAbove is null && rule.AbsorptionCoefficientAbove is null
        || input.OpacityPercent > (decimal?)rule.OpacityPercentAbove
        || input.AbsorptionCoefficient > (decimal?)rule.AbsorptionCoefficientAbove;

    public static string DedupeKey(AlarmRule rule, AlarmInput input) =>
        input.Source == AlarmSources.DeviceEvent
            ? $"{rule.Id}|{input.Subject}"
            : $"{rule.Id}|{input.EnterpriseId}|{input.GateId}|{input.Subject}";

    /// <summary>Start of the fixed window <paramref name="at"/> falls in (UTC); with no window, the instant itself.</summary>
    public static DateTime WindowStart(DateTimeOffset at, int windowMinutes)
    {
        var utc = at.UtcDateTime;
        if (windowMinutes <= 0) return DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var size = TimeSpan.FromMinutes(windowMinutes).Ticks;
        return new DateTime(utc.Ticks - utc.Ticks % size, DateTimeKind.Utc);
    }

    private static Alarm Raise(AlarmRule rule, AlarmInput input)
    {
        var key = DedupeKey(rule, input);
        var window = WindowStart(input.At, rule.DedupeWindowMinutes);
        // No window: the input itself names the alarm, so only a redelivery of the same input collapses.
        var occurrence = rule.DedupeWindowMinutes <= 0 ? $"input:{input.SourceId}" : $"window:{window.Ticks}";
        return new Alarm(
            IdFor(rule.Id, key, occurrence),
            rule.Id,
            input.Source,
            rule.Severity,
            AlarmTitle.Render(rule.Title, input.Fields),
            key,
            window,
            input.At,
            input.EnterpriseId,
            input.GateId,
            input.Subject,
            input.SourceId,
            string.Join("；", input.Reasons));
    }

    public static Guid IdFor(string ruleId, string dedupeKey, string occurrence)
    {
        return DeterministicGuid.For($"alarm\n{ruleId}\n{dedupeKey}\n{occurrence}");
    }

    private static bool AnyOrEmpty(List<string> values, Func<string, bool> match) => values.Count == 0 || values.Any(match);
}
