namespace DataPlatform.Compliance.Decisions;

/// <summary>The rule that decided: a stable id (see <see cref="GateRules"/>, or <c>policy:&lt;id&gt;</c>) and its
/// Chinese description for the operator and the interception ledger.</summary>
public sealed record FiredRule(string Id, string Description);
