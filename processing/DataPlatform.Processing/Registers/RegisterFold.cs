using DataPlatform.Gate.Registers;
using DataPlatform.Streams;

namespace DataPlatform.Processing.Registers;

/// <summary>Registry changes → register versions and audit rows (pure). Every change gets one audit row (its id
/// is the change id): <c>create</c>/<c>update</c> with the field diff and a new version = latest + 1, or
/// <c>unchanged</c> when it equals the latest version (a re-posted registration: audited, no new version). A
/// change whose audit row is stored already is not folded again; its recorded version and its fields become the
/// record's state, and its version row is re-emitted (the writer skips it if stored) in case a crash fell
/// between the audit insert and the version insert. Changes fold in order, so updates in one batch diff
/// against each other.</summary>
public static class RegisterFold
{
    public sealed record Result(
        List<AuditRow> Audits,
        List<RegisterRow> Rows,
        Dictionary<(RegisterKind Kind, string Enterprise, string Key), (Guid VersionId, RegisterLedger.Latest Latest)> Touched);

    public static Result Fold(
        IEnumerable<(RegisterKind Kind, RegistryChange Change)> changes,
        IReadOnlyDictionary<Guid, (uint Version, string Action)> stored,
        IReadOnlyDictionary<(RegisterKind Kind, string Enterprise, string Key), RegisterLedger.Latest> latest)
    {
        var current = new Dictionary<(RegisterKind, string, string), RegisterLedger.Latest>(latest);
        var result = new Result([], [], []);
        foreach (var (kind, change) in changes)
        {
            var key = (kind, change.EnterpriseId, change.RecordKey);
            current.TryGetValue(key, out var previous);
            var fields = RecordDiff.Normalised(change.Fields);
            var at = Millis(change.ChangedAt);
            if (stored.TryGetValue(change.ChangeId, out var done))
            {
                if (done.Action != AuditRow.Unchanged)
                    result.Rows.Add(new RegisterRow(change.ChangeId, kind, change.EnterpriseId, change.RecordKey, done.Version, at,
                        change.Source, change.OperatorId, fields));
                var state = new RegisterLedger.Latest(done.Version, fields);
                current[key] = state;
                result.Touched[key] = (change.ChangeId, state);
                continue;
            }
            var diff = RecordDiff.Between(previous?.Fields, fields);
            if (diff.Count == 0 && previous is not null)
            {
                result.Audits.Add(new AuditRow(change.ChangeId, change.EnterpriseId, kind.WireName, change.RecordKey,
                    AuditRow.Unchanged, previous.Version, at, change.Source, change.OperatorId, diff) { OperatorName = change.OperatorName ?? "" });
                result.Touched[key] = (change.ChangeId, previous);
                continue;
            }
            var version = (previous?.Version ?? 0) + 1;
            result.Audits.Add(new AuditRow(change.ChangeId, change.EnterpriseId, kind.WireName, change.RecordKey,
                previous is null ? AuditRow.Create : AuditRow.Update, version, at, change.Source, change.OperatorId, diff)
                { OperatorName = change.OperatorName ?? "" });
            result.Rows.Add(new RegisterRow(change.ChangeId, kind, change.EnterpriseId, change.RecordKey, version, at,
                change.Source, change.OperatorId, fields));
            var next = new RegisterLedger.Latest(version, fields);
            current[key] = next;
            result.Touched[key] = (change.ChangeId, next);
        }
        return result;
    }

    private static DateTime Millis(DateTimeOffset time)
    {
        var at = time.UtcDateTime;
        return new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    /// <summary>A manual passage's audit row: every entered field as "after".</summary>
    public static AuditRow Passage(RegistryChange change)
    {
        return new AuditRow(change.ChangeId, change.EnterpriseId, RegistryChange.PassageRegister, change.RecordKey,
            AuditRow.ManualPassage, 1, Millis(change.ChangedAt),
            change.Source, change.OperatorId, RecordDiff.Between(null, RecordDiff.Normalised(change.Fields)))
        {
            OperatorName = change.OperatorName ?? "",
        };
    }
}
