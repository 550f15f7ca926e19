using ClickHouse.Driver;
using DataPlatform.Gate.Registers;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Registers;

/// <summary>The register tables and the audit log in ClickHouse: what is stored already, each record's latest
/// version, and the exactly-once inserts.</summary>
public sealed class RegisterLedger(ClickHouseClient client, IdempotentInserter inserter, IOptions<ClickHouseOptions> options)
{
    public static readonly LedgerTable<AuditRow> Audit = new(
        "registry_audit", "audit_id", "changed_at", AuditRow.Columns, r => r.AuditId, r => r.ChangedAt, r => r.Values());

    private static readonly Dictionary<RegisterKind, LedgerTable<RegisterRow>> Tables = Enum.GetValues<RegisterKind>().ToDictionary(
        k => k, k => new LedgerTable<RegisterRow>(RegisterRow.TableName(k), "row_id", "changed_at", RegisterRow.Columns(k),
            r => r.RowId, r => r.ChangedAt, r => r.Values()));

    public sealed record Latest(uint Version, SortedDictionary<string, string> Fields);

    private string Db => $"`{options.Value.Database}`";

    /// <summary>Which of the changes <paramref name="ids"/> are audited already, with the version and action recorded.</summary>
    public async Task<Dictionary<Guid, (uint Version, string Action)>> AuditedAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var found = new Dictionary<Guid, (uint, string)>();
        if (ids.Count == 0) return found;
        using var reader = await client.ExecuteReaderAsync(
            $"SELECT audit_id, any(version) AS audited_version, any(action) AS audited_action FROM {Db}.registry_audit WHERE audit_id IN {{ids:Array(UUID)}} GROUP BY audit_id",
            ClickHouseParameters.Of(("ids", ids.ToArray())), null, ct);
        while (reader.Read()) found[reader.Uuid("audit_id")] = (reader.UInt32("audited_version"), reader.String("audited_action"));
        return found;
    }

    /// <summary>The newest stored version of each (enterprise, key) asked for.</summary>
    public async Task<Dictionary<(string Enterprise, string Key), Latest>> LatestAsync(
        RegisterKind kind, IReadOnlyCollection<(string Enterprise, string Key)> keys, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), Latest>();
        foreach (var group in keys.Distinct().GroupBy(k => k.Enterprise))
        {
            using var reader = await client.ExecuteReaderAsync(
                $$"""
                SELECT registration_code, max(version) AS latest_version, mapKeys(argMax(fields, version)) AS field_names,
                       mapValues(argMax(fields, version)) AS field_values
                FROM {{Db}}.{{RegisterRow.TableName(kind)}} FINAL
                WHERE enterprise_id = {e:String} AND registration_code IN {keys:Array(String)}
                GROUP BY registration_code
                """,
                ClickHouseParameters.Of(("e", group.Key), ("keys", group.Select(k => k.Key).ToArray())), null, ct);
            while (reader.Read())
            {
                var names = reader.Strings("field_names");
                var values = reader.Strings("field_values");
                var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < names.Length; i++) fields[names[i]] = values[i];
                result[(group.Key, reader.String("registration_code"))] = new Latest(reader.UInt32("latest_version"), fields);
            }
        }
        return result;
    }

    /// <summary>Audit first, versions second: a crash between them leaves the version unwritten, and the
    /// redelivered change, found audited, re-emits its version row (<see cref="RegisterFold"/>).</summary>
    public async Task WriteAsync(IReadOnlyList<AuditRow> audits, IReadOnlyList<RegisterRow> rows, CancellationToken ct)
    {
        if (audits.Count > 0) await inserter.InsertNewAsync(Audit, audits, ct);
        foreach (var group in rows.GroupBy(r => r.Kind))
            await inserter.InsertNewAsync(Tables[group.Key], group.ToList(), ct);
    }
}
