using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorSimulator.Store;

/// <summary>A filter over stored records; null members do not filter.</summary>
public sealed record RecordQuery(
    RecordKind? Kind = null,
    UploadMode? Mode = null,
    string? GateId = null,
    DateOnly? Day = null,
    string? EnterpriseCode = null,
    bool? Acknowledged = null,
    bool? Complete = null)
{
    public static readonly RecordQuery All = new();

    public bool Matches(StoredRecord r) =>
        (Kind is null || r.Kind == Kind)
        && (Mode is null || r.Mode == Mode)
        && (GateId is null || string.Equals(r.GateId, GateId, StringComparison.Ordinal))
        && (Day is null || r.Day == Day)
        && (EnterpriseCode is null || r.EnterpriseCode == EnterpriseCode)
        && (Acknowledged is null || (r.AcknowledgedAt is not null) == Acknowledged)
        && (Complete is null || r.Completeness.IsComplete == Complete);
}
