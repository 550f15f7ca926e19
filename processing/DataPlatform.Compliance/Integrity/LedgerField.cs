namespace DataPlatform.Compliance.Integrity;

/// <summary>One named value of a ledger record, already formatted as text (see <see cref="LedgerValues"/>), so the
/// hash does not depend on how a type prints itself on a given machine. Null and "" are different values.</summary>
public sealed record LedgerField(string Name, string? Value);
