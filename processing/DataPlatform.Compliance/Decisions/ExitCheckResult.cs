namespace DataPlatform.Compliance.Decisions;

/// <param name="Missing">Chinese reasons, one per unmet requirement; empty when passed.</param>
public sealed record ExitCheckResult(bool Passed, IReadOnlyList<string> Missing);
