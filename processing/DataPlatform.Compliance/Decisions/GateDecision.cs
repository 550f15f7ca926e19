namespace DataPlatform.Compliance.Decisions;

/// <summary>One gate decision: the outcome, the rule that fired, the display text and every reason considered
/// (exemptions used, alert-only violations), all in Chinese for the operator.</summary>
public sealed record GateDecision(GateOutcome Outcome, FiredRule Rule, GateDisplay Display, IReadOnlyList<string> Reasons)
{
    public string DisplayText => Display.Text;

    // The generated equality would compare Reasons by reference; purity tests compare two decisions by value.
    public bool Equals(GateDecision? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Outcome == other.Outcome && Rule == other.Rule && Display == other.Display
                && Reasons.SequenceEqual(other.Reasons, StringComparer.Ordinal)));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Outcome);
        hash.Add(Rule);
        hash.Add(Display);
        foreach (var reason in Reasons)
            hash.Add(reason, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    public override string ToString() => $"{Outcome} [{Rule.Id}] {DisplayText} | {string.Join("；", Reasons)}";
}
