using System.Globalization;
using ClickHouse.Driver;
using DataPlatform.Ledger;
using DataPlatform.MachineLearning.Rules;
using Microsoft.Extensions.Options;

namespace DataPlatform.MachineLearning.Ledger;

/// <summary>One version of a flag in <c>anomaly_flags</c> (migration 0092).</summary>
public sealed record AnomalyFlagRow(Guid FlagId, int Version, AnomalyFlag Flag, string Status, string Reviewer, string ReviewNote,
    DateTimeOffset RaisedAt, DateTimeOffset ChangedAt);

/// <summary>Review outcomes a reviewer may set.</summary>
public static class FlagStatus
{
    public const string Open = "open";
    public const string Confirmed = "confirmed";
    public const string Dismissed = "dismissed";
}

/// <summary>Owns <c>anomaly_flags</c>: raises flags once (by id), records reviews as new versions (never edits a row),
/// reads the current state.</summary>
public sealed class AnomalyFlagsTable(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    public static readonly string[] Columns =
        ["flag_id", "version", "kind", "enterprise_id", "gate_id", "subject", "observed_from", "observed_to", "score", "model_kind",
         "model_version", "title", "detail", "passage_ids", "reading_ids", "pictures", "status", "reviewer", "review_note", "raised_at", "changed_at"];

    private string Table => $"`{options.Value.Database}`.`anomaly_flags`";

    /// <summary>Writes the flags not raised before (version 1, open); returns those, in input order.</summary>
    public async Task<IReadOnlyList<AnomalyFlag>> RaiseAsync(IReadOnlyList<AnomalyFlag> flags, DateTimeOffset now, CancellationToken ct)
    {
        var unique = flags.DistinctBy(f => f.FlagId).ToList();
        if (unique.Count == 0) return [];
        var stored = new HashSet<Guid>();
        foreach (var slice in unique.Chunk(5_000))
        {
            using var reader = await client.ExecuteReaderAsync($"SELECT DISTINCT flag_id FROM {Table} WHERE flag_id IN {{ids:Array(UUID)}}",
                ClickHouseParameters.Of(("ids", slice.Select(f => f.FlagId).ToArray())), null, ct);
            while (reader.Read()) stored.Add(reader.Uuid("flag_id"));
        }
        var fresh = unique.Where(f => !stored.Contains(f.FlagId)).ToList();
        await WriteAsync(fresh.Select(f => new AnomalyFlagRow(f.FlagId, 1, f, FlagStatus.Open, "", "", now, now)).ToList(), ct);
        return fresh;
    }

    /// <summary>Marks a flag confirmed or dismissed as a new version; the earlier versions stay.</summary>
    /// <exception cref="KeyNotFoundException">no such flag.</exception>
    public async Task<AnomalyFlagRow> ReviewAsync(Guid flagId, string status, string reviewer, string note, DateTimeOffset now, CancellationToken ct)
    {
        if (status is not (FlagStatus.Confirmed or FlagStatus.Dismissed or FlagStatus.Open))
            throw new ArgumentException($"status must be confirmed, dismissed or open — got '{status}'", nameof(status));
        var current = (await ListAsync(null, null, flagId, 1, ct)).SingleOrDefault()
                      ?? throw new KeyNotFoundException($"异常线索 {flagId} 不存在 (no such flag)");
        var reviewed = current with { Version = current.Version + 1, Status = status, Reviewer = reviewer, ReviewNote = note, ChangedAt = now };
        await WriteAsync([reviewed], ct);
        return reviewed;
    }

    /// <summary>Current state (highest version) of flags, newest first.</summary>
    public async Task<IReadOnlyList<AnomalyFlagRow>> ListAsync(string? kind, string? status, Guid? flagId, int limit, CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT flag_id, max(version) AS v, argMax(kind, version) AS flag_kind, argMax(enterprise_id, version) AS enterprise_id,
                   argMax(gate_id, version) AS gate_id, argMax(subject, version) AS subject,
                   toUnixTimestamp(argMax(observed_from, version)) AS from_s, toUnixTimestamp(argMax(observed_to, version)) AS to_s,
                   argMax(score, version) AS score, argMax(model_kind, version) AS model_kind, argMax(model_version, version) AS model_version,
                   argMax(title, version) AS title, argMax(detail, version) AS detail, argMax(passage_ids, version) AS passage_ids,
                   argMax(reading_ids, version) AS reading_ids, argMax(pictures, version) AS pictures, argMax(status, version) AS status,
                   argMax(reviewer, version) AS reviewer, argMax(review_note, version) AS review_note,
                   toUnixTimestamp64Milli(min(raised_at)) AS raised_ms, toUnixTimestamp64Milli(argMax(changed_at, version)) AS changed_ms
            FROM {{Table}}
            WHERE ({kind:String} = '' OR kind = {kind:String}) AND ({id:String} = '' OR toString(flag_id) = {id:String})
            GROUP BY flag_id
            HAVING {status:String} = '' OR status = {status:String}
            ORDER BY raised_ms DESC, flag_id
            LIMIT {limit:UInt32}
            """,
            ClickHouseParameters.Of(("kind", kind ?? ""), ("status", status ?? ""), ("id", flagId?.ToString() ?? ""), ("limit", (uint)limit)), null, ct);
        var rows = new List<AnomalyFlagRow>();
        while (reader.Read())
        {
            var flag = new AnomalyFlag(
                UnixTime.Text(reader, "flag_kind"), UnixTime.Text(reader, "enterprise_id"), UnixTime.Text(reader, "gate_id"), UnixTime.Text(reader, "subject"),
                UnixTime.Seconds(UnixTime.Value(reader, "from_s")), UnixTime.Seconds(UnixTime.Value(reader, "to_s")),
                Convert.ToDouble(UnixTime.Value(reader, "score"), CultureInfo.InvariantCulture), UnixTime.Text(reader, "model_kind"),
                UnixTime.Text(reader, "model_version"), UnixTime.Text(reader, "title"), UnixTime.Text(reader, "detail"),
                (Guid[])UnixTime.Value(reader, "passage_ids"), (Guid[])UnixTime.Value(reader, "reading_ids"), (string[])UnixTime.Value(reader, "pictures"));
            rows.Add(new AnomalyFlagRow(reader.Uuid("flag_id"), Convert.ToInt32(UnixTime.Value(reader, "v"), CultureInfo.InvariantCulture), flag,
                UnixTime.Text(reader, "status"), UnixTime.Text(reader, "reviewer"), UnixTime.Text(reader, "review_note"),
                UnixTime.Millis(UnixTime.Value(reader, "raised_ms")), UnixTime.Millis(UnixTime.Value(reader, "changed_ms"))));
        }
        return rows;
    }

    private Task WriteAsync(IReadOnlyList<AnomalyFlagRow> rows, CancellationToken ct) =>
        rows.Count == 0 ? Task.CompletedTask : client.InsertRowsAsync(Table, Columns, rows.Select(r => new object?[]
        {
            r.FlagId, (uint)r.Version, r.Flag.Kind, r.Flag.EnterpriseId, r.Flag.GateId, r.Flag.Subject, UnixTime.Utc(r.Flag.ObservedFrom),
            UnixTime.Utc(r.Flag.ObservedTo), r.Flag.Score, r.Flag.ModelKind, r.Flag.ModelVersion, r.Flag.Title, r.Flag.Detail,
            r.Flag.PassageIds.ToArray(), r.Flag.ReadingIds.ToArray(), r.Flag.Pictures.ToArray(), r.Status, r.Reviewer, r.ReviewNote,
            UnixTime.Utc(r.RaisedAt), UnixTime.Utc(r.ChangedAt),
        }), ct);
}
