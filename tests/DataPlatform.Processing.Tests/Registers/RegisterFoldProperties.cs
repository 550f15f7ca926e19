using DataPlatform.Gate.Registers;
using DataPlatform.Processing.Registers;
using DataPlatform.Streams;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Processing.Tests.Registers;

/// <summary>The register fold is what makes the register exactly-once: re-folding a stream against what it
/// stored adds nothing, and the stored versions replay the final record.</summary>
public sealed class RegisterFoldProperties
{
    private static readonly Gen<RegistryChange> Change =
        from key in Gen.Elements("NR-1", "NR-2")
        from owner in Gen.Elements("甲公司", "乙公司")
        from stage in Gen.Elements("2", "3", "4")
        select new RegistryChange(Guid.NewGuid(), "non-road", "E1", key, RegistryChange.GuardBoothSource, "guard-01",
            DateTimeOffset.UnixEpoch.AddDays(20_000), new Dictionary<string, string> { ["owner"] = owner, ["stage"] = stage });

    private static readonly Dictionary<Guid, (uint, string)> Nothing = [];

    private static RegisterFold.Result Fold(IEnumerable<RegistryChange> changes, IReadOnlyDictionary<Guid, (uint Version, string Action)> stored,
        IReadOnlyDictionary<(RegisterKind, string, string), RegisterLedger.Latest> latest) =>
        RegisterFold.Fold(changes.Select(c => (RegisterKind.NonRoad, c)), stored, latest);

    /// <summary>A redelivery — of any prefix of the batch that was stored, with the latest versions the ledger
    /// then holds — yields no new audit row and only version rows already stored (same ids, versions, fields).</summary>
    [Property(MaxTest = 500)]
    public Property Redelivering_a_stored_stream_adds_nothing_new() =>
        Prop.ForAll(Gen.ListOf(Change).SelectMany(cs => Gen.Choose(0, cs.Count), (cs, n) => (cs, n)).ToArbitrary(), input =>
        {
            var (changes, storedCount) = input;
            var first = Fold(changes, Nothing, new Dictionary<(RegisterKind, string, string), RegisterLedger.Latest>());
            var stored = first.Audits.Take(storedCount).ToDictionary(a => a.AuditId, a => (a.Version, a.Action));
            var storedRows = first.Rows.Where(r => stored.ContainsKey(r.RowId)).ToDictionary(r => r.RowId);
            var latest = storedRows.Values.GroupBy(r => (RegisterKind.NonRoad, r.EnterpriseId, r.RegistrationCode))
                .ToDictionary(g => g.Key, g => new RegisterLedger.Latest(g.Max(r => r.Version), g.MaxBy(r => r.Version)!.Fields));
            var again = Fold(changes, stored, latest);
            var newAudits = again.Audits.Where(a => !stored.ContainsKey(a.AuditId)).ToList();
            return again.Audits.All(a => !stored.ContainsKey(a.AuditId))
                   && again.Rows.Select(r => (r.RowId, r.Version)).SequenceEqual(first.Rows.Select(r => (r.RowId, r.Version)))
                   && newAudits.Select(a => (a.AuditId, a.Version, a.Action)).SequenceEqual(first.Audits.Skip(storedCount).Select(a => (a.AuditId, a.Version, a.Action)));
        });

    [Property(MaxTest = 500)]
    public Property Versions_count_up_by_one_and_the_last_version_is_the_last_change() =>
        Prop.ForAll(Gen.ListOf(Change).ToArbitrary(), changes =>
        {
            var result = Fold(changes, Nothing, new Dictionary<(RegisterKind, string, string), RegisterLedger.Latest>());
            return result.Rows.GroupBy(r => r.RegistrationCode).All(g =>
                g.Select(r => (int)r.Version).SequenceEqual(Enumerable.Range(1, g.Count()))
                && g.Last().Fields.SequenceEqual(RecordDiff.Normalised(changes.Last(c => c.RecordKey == g.Key).Fields)))
                && result.Audits.Count == changes.Count
                && result.Audits.All(a => (a.Changes.Count == 0) == (a.Action == AuditRow.Unchanged));
        });

    [Property(MaxTest = 500)]
    public Property Replaying_the_audit_diffs_rebuilds_each_record() =>
        Prop.ForAll(Gen.ListOf(Change).ToArbitrary(), changes =>
        {
            var result = Fold(changes, Nothing, new Dictionary<(RegisterKind, string, string), RegisterLedger.Latest>());
            return result.Audits.GroupBy(a => a.RecordKey).All(g =>
            {
                var rebuilt = g.Where(a => a.Action != AuditRow.Unchanged).Aggregate(new SortedDictionary<string, string>(StringComparer.Ordinal),
                    (record, audit) => RecordDiff.Apply(record, audit.Changes));
                return rebuilt.SequenceEqual(result.Rows.Where(r => r.RegistrationCode == g.Key).MaxBy(r => r.Version)!.Fields);
            });
        });
}
