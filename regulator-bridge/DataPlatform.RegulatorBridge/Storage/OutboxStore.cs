using ClickHouse.Driver;
using DataPlatform.Ledger;
using DataPlatform.RegulatorBridge.Outbox;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Rates;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorBridge.Uplink;
using Microsoft.Extensions.Options;

namespace DataPlatform.RegulatorBridge.Storage;

/// <summary>The durable outbox and the upload log in ClickHouse. Writes are batches (one insert per upload round);
/// every read of the outbox takes the newest revision per record (FINAL), because older versions linger until
/// ClickHouse merges them.</summary>
public sealed class OutboxStore(ClickHouseClient client, IOptions<ClickHouseOptions> options, TimeProvider time)
{
    private static readonly string[] OutboxColumns =
    [
        "record_id", "kind", "enterprise_id", "gate_id", "generated_at", "deadline", "state", "attempts", "mode",
        "first_attempt_at", "attempt_started_at", "next_attempt_at", "acknowledged_at", "last_error", "complete",
        "missing", "source", "revision",
    ];

    private static readonly string[] LogColumns =
    [
        "record_id", "attempt", "kind", "enterprise_id", "gate_id", "generated_at", "mode", "started_at", "finished_at",
        "outcome", "response_code", "error", "acked_at",
    ];

    private string Db => $"`{options.Value.Database}`";

    public async Task SaveAsync(IReadOnlyCollection<OutboxItem> items, CancellationToken ct)
    {
        if (items.Count == 0)
            return;
        var now = time.GetUtcNow();
        await client.InsertRowsAsync($"{Db}.regulator_outbox", OutboxColumns, items.Select(i => Row(i, Revisions.Next(now))), ct);
    }

    public async Task LogAsync(IReadOnlyCollection<AttemptLogRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return;
        await client.InsertRowsAsync($"{Db}.regulator_upload_log", LogColumns, rows.Select(r => new object?[]
        {
            r.Attempt.RecordId, (uint)r.Attempt.Attempt, r.Entry.Kind.ToString(), r.EnterpriseId, r.Entry.GateId,
            r.Entry.GeneratedAt.UtcDateTime, ModeName(r.Attempt.Mode), r.Attempt.StartedAt.UtcDateTime,
            r.Attempt.FinishedAt.UtcDateTime, r.OutcomeName, r.Attempt.ResponseCode ?? "", r.Attempt.Error ?? "",
            r.AckedAt?.UtcDateTime,
        }), ct);
    }

    /// <summary>Of <paramref name="recordIds"/>, those the outbox already holds (any state).</summary>
    public async Task<HashSet<string>> KnownAsync(IReadOnlyCollection<string> recordIds, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (recordIds.Count == 0)
            return known;
        using var reader = await client.ExecuteReaderAsync(
            $"SELECT DISTINCT record_id FROM {Db}.regulator_outbox WHERE record_id IN {{ids:Array(String)}}",
            ClickHouseParameters.Of(("ids", recordIds.ToArray())), null, ct);
        while (reader.Read())
            known.Add(reader.String("record_id"));
        return known;
    }

    /// <summary>(record id, attempt) pairs the upload log already holds for these records.</summary>
    public async Task<HashSet<(string, int)>> LoggedAttemptsAsync(IReadOnlyCollection<string> recordIds, CancellationToken ct)
    {
        var logged = new HashSet<(string, int)>();
        if (recordIds.Count == 0)
            return logged;
        using var reader = await client.ExecuteReaderAsync(
            $"SELECT DISTINCT record_id, attempt FROM {Db}.regulator_upload_log WHERE record_id IN {{ids:Array(String)}}",
            ClickHouseParameters.Of(("ids", recordIds.ToArray())), null, ct);
        while (reader.Read())
            logged.Add((reader.String("record_id"), reader.Int32("attempt")));
        return logged;
    }

    /// <summary>Every record not yet acknowledged nor failed, newest revision: what a (re)started bridge resumes.</summary>
    public async Task<List<OutboxItem>> LoadOpenAsync(CancellationToken ct)
    {
        var items = new List<OutboxItem>();
        using var reader = await client.ExecuteReaderAsync(
            $"""
            SELECT {string.Join(", ", OutboxColumns)}
            FROM {Db}.regulator_outbox FINAL
            WHERE state NOT IN ('Acknowledged', 'Failed')
            ORDER BY generated_at, record_id
            """, null, null, ct);
        while (reader.Read())
        {
            var entry = new OutboxEntry(
                reader.String("record_id"),
                Enum.Parse<RecordKind>(reader.String("kind")),
                reader.String("gate_id"),
                Utc(reader.Value("generated_at"))!.Value,
                Utc(reader.Value("deadline"))!.Value,
                Enum.Parse<UploadState>(reader.String("state")),
                reader.Int32("attempts"),
                ParseMode(reader.String("mode")),
                Utc(reader.Value("first_attempt_at")),
                Utc(reader.Value("next_attempt_at")),
                Utc(reader.Value("acknowledged_at")),
                reader.String("last_error") is { Length: > 0 } e ? e : null);
            items.Add(new OutboxItem(entry, reader.String("enterprise_id"), new LedgerSource(reader.String("source")), reader.Flag("complete"),
                reader.String("missing"), Utc(reader.Value("attempt_started_at"))));
        }
        return items;
    }

    /// <summary>One row per record generated since <paramref name="since"/>, as the rates need it.</summary>
    public async Task<List<LoggedRecord>> LoggedSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        var records = new List<LoggedRecord>();
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT record_id, gate_id, generated_at, mode, if(state = 'Acknowledged', acknowledged_at, NULL) AS acked_at, complete
            FROM {{Db}}.regulator_outbox FINAL
            WHERE generated_at >= {since:DateTime64(3)} AND kind != 'Image'
            """, ClickHouseParameters.Of(("since", since.UtcDateTime)), null, ct);
        while (reader.Read())
            records.Add(new LoggedRecord(reader.String("record_id"), reader.String("gate_id"), Utc(reader.Value("generated_at"))!.Value,
                ParseMode(reader.String("mode")), Utc(reader.Value("acked_at")), reader.Flag("complete")));
        return records;
    }

    /// <summary>Records waiting (not acknowledged, not failed) and the generation time of the oldest.</summary>
    public async Task<(long Count, DateTimeOffset? Oldest)> BacklogAsync(CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(
            $"""
            SELECT count() AS waiting, min(generated_at) AS oldest FROM {Db}.regulator_outbox FINAL
            WHERE state NOT IN ('Acknowledged', 'Failed')
            """, null, null, ct);
        reader.Read();
        var count = reader.Int64("waiting");
        return (count, count == 0 ? null : Utc(reader.Value("oldest")));
    }

    public static string ModeName(UploadMode? mode) => mode switch
    {
        UploadMode.RealTime => "realtime",
        UploadMode.Backfill => "backfill",
        _ => "",
    };

    private static UploadMode? ParseMode(string text) => text switch
    {
        "realtime" => UploadMode.RealTime,
        "backfill" => UploadMode.Backfill,
        _ => null,
    };

    private static object?[] Row(OutboxItem i, ulong revision)
    {
        var e = i.Entry;
        return
        [
            e.RecordId, e.Kind.ToString(), i.EnterpriseId, e.GateId, e.GeneratedAt.UtcDateTime, e.Deadline.UtcDateTime,
            e.State.ToString(), (uint)e.Attempts, ModeName(e.Mode), e.FirstAttemptAt?.UtcDateTime,
            i.AttemptStartedAt?.UtcDateTime, e.NextAttemptAt?.UtcDateTime, e.AcknowledgedAt?.UtcDateTime,
            e.LastError ?? "", (byte)(i.Complete ? 1 : 0), i.Missing, i.Source.Json, revision,
        ];
    }

    private static DateTimeOffset? Utc(object? value) => value switch
    {
        null or DBNull => null,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateTimeOffset o => o.ToUniversalTime(),
        _ => throw new InvalidCastException($"not a time: {value.GetType()}"),
    };
}

/// <summary>One upload log row: the attempt with the entry it belongs to.</summary>
/// <remarks><paramref name="OutcomeName"/>: The attempt's outcome, or <c>unknown</c> for an attempt a crash
/// interrupted.</remarks>
public sealed record AttemptLogRow(UploadAttempt Attempt, OutboxEntry Entry, string EnterpriseId, string OutcomeName, DateTimeOffset? AckedAt);
