using DataPlatform.Ledger;
using DataPlatform.Processing.Alarms.Rules;

namespace DataPlatform.Processing.Alarms;

/// <summary>Appends alarms to <c>alarms</c>, each alarm id once.</summary>
public sealed class AlarmWriter(IdempotentInserter inserter)
{
    public static readonly LedgerTable<Alarm> Table = new(
        "alarms", "alarm_id", "window_start",
        ["alarm_id", "rule_id", "source", "severity", "title", "dedupe_key", "window_start", "raised_at",
         "enterprise_id", "gate_id", "subject", "source_id", "detail"],
        a => a.AlarmId, a => a.WindowStart,
        a =>
        [
            a.AlarmId, a.RuleId, a.Source, a.Severity, a.Title, a.DedupeKey, a.WindowStart,
            // DateTime64 columns: hand the driver the UTC instant so no local zone leaks in.
            DateTime.SpecifyKind(a.RaisedAt.UtcDateTime, DateTimeKind.Utc),
            a.EnterpriseId, a.GateId, a.Subject, a.SourceId, a.Detail,
        ]);

    /// <summary>Returns the alarms that were new (not stored before), in input order.</summary>
    public async Task<IReadOnlyList<Alarm>> WriteAsync(IReadOnlyCollection<Alarm> alarms, CancellationToken ct)
    {
        IReadOnlyList<Alarm> fresh = [];
        await inserter.InsertNewAsync(Table, alarms, rows => fresh = rows, ct);
        return fresh;
    }
}
