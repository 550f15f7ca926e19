using DataPlatform.Gate.Registers;
using DataPlatform.Streams;

namespace DataPlatform.Processing.Registers;

/// <summary>Registry changes → register versions and audit rows (pure). A change already stored is skipped; a
/// change equal to the record's latest version writes nothing (a re-posted registration is idempotent); any
/// other writes version = latest + 1 and an audit row with the field diff. Changes are folded in order, so two
/// updates of one record in a batch diff against each other.</summary>
public static class RegisterFold
{
    public sealed record Result(
        List<AuditRow> Audits,
        List<RegisterRow> Rows,
        Dictionary<(RegisterKind Kind, string Enterprise, string Key), (Guid VersionId, RegisterLedger.Latest Latest)> Touched);

    public static Result Fold(
        IEnumerable<(RegisterKind Kind, RegistryChange Change)> changes,
        IReadOnlySet<Guid> stored,
        IReadOnlyDictionary<(RegisterKind Kind, string Enterprise, string Key), RegisterLedger.Latest> latest)
    {
        var current = new Dictionary<(RegisterKind, string, string), RegisterLedger.Latest>(latest);
        var result = new Result([], [], []);
        foreach (var (kind, change) in changes)
        {
            var key = (kind, change.EnterpriseId, change.RecordKey);
            current.TryGetValue(key, out var previous);
            if (stored.Contains(change.ChangeId))
            {
                if (previous is not null) result.Touched[key] = (change.ChangeId, previous);
                continue;
            }
            var fields = RecordDiff.Normalised(change.Fields);
            var diff = RecordDiff.Between(previous?.Fields, fields);
            if (diff.Count == 0)
            {
                if (previous is not null) result.Touched[key] = (change.ChangeId, previous);
                continue;
            }
            var version = (previous?.Version ?? 0) + 1;
            var at = change.ChangedAt.UtcDateTime;
            at = new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
            result.Audits.Add(new AuditRow(change.ChangeId, change.EnterpriseId, kind.WireName, change.RecordKey,
                previous is null ? AuditRow.Create : AuditRow.Update, version, at, change.Source, change.OperatorId, diff));
            result.Rows.Add(new RegisterRow(change.ChangeId, kind, change.EnterpriseId, change.RecordKey, version, at,
                change.Source, change.OperatorId, fields));
            var next = new RegisterLedger.Latest(version, fields);
            current[key] = next;
            result.Touched[key] = (change.ChangeId, next);
        }
        return result;
    }

    /// <summary>A manual passage's audit row: every entered field as "after".</summary>
    public static AuditRow Passage(RegistryChange change)
    {
        var at = change.ChangedAt.UtcDateTime;
        return new AuditRow(change.ChangeId, change.EnterpriseId, RegistryChange.PassageRegister, change.RecordKey,
            AuditRow.ManualPassage, 1, new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc),
            change.Source, change.OperatorId, RecordDiff.Between(null, RecordDiff.Normalised(change.Fields)));
    }
}
