using DataPlatform.Gate.Registers;

namespace DataPlatform.Processing.Registers;

/// <summary>One row of the append-only <c>registry_audit</c> log.</summary>
public sealed record AuditRow(
    Guid AuditId,
    string EnterpriseId,
    string Register,
    string RecordKey,
    string Action,
    uint Version,
    DateTime ChangedAt,
    string Source,
    string OperatorId,
    IReadOnlyList<FieldChange> Changes)
{
    public const string Create = "create";
    public const string Update = "update";
    public const string ManualPassage = "manual-passage";

    /// <summary>A re-posted record equal to its latest version: audited (who re-posted, when), no new version.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>The guard operator's configured display name at the time (migration 0033); empty when unknown.</summary>
    public string OperatorName { get; init; } = "";

    public static readonly string[] Columns =
    [
        "audit_id", "enterprise_id", "register", "record_key", "action", "version", "changed_at", "source", "operator_id",
        "changed_fields", "before_values", "after_values", "operator_name",
    ];

    public object?[] Values() =>
    [
        AuditId, EnterpriseId, Register, RecordKey, Action, Version, ChangedAt, Source, OperatorId,
        Changes.Select(c => c.Field).ToArray(), Changes.Select(c => c.Before ?? "").ToArray(), Changes.Select(c => c.After ?? "").ToArray(),
        OperatorName,
    ];
}
