namespace DataPlatform.Compliance.Decisions;

/// <remarks><paramref name="Missing"/>: Chinese reasons, one per unmet requirement; empty when passed.</remarks>
public sealed record ExitCheckResult(bool Passed, IReadOnlyList<string> Missing);
