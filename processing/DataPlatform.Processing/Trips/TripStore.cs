using ClickHouse.Driver;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Trips;

/// <summary>Upserts trips: a row is inserted only when its content differs from the stored version, with a version
/// above the stored one, so ReplacingMergeTree(version) keeps the newest state and an unchanged re-run writes nothing.</summary>
public sealed class TripStore(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    private string Db => $"`{options.Value.Database}`";

    /// <summary>Returns how many trips were written (new or changed).</summary>
    public async Task<int> UpsertAsync(IReadOnlyList<TripRow> rows, DateTimeOffset now, CancellationToken ct)
    {
        if (rows.Count == 0) return 0;
        var stored = await StoredAsync(rows, ct);
        var nowMs = (ulong)now.ToUnixTimeMilliseconds();
        var updatedAt = DateTime.SpecifyKind(now.UtcDateTime, DateTimeKind.Utc);
        var changed = new List<object?[]>();
        foreach (var row in rows.DistinctBy(r => r.TripId))
        {
            var hash = row.ContentHash();
            if (stored.TryGetValue(row.TripId, out var s) && s.Hash == hash) continue;
            // Above the stored version even if this host's clock is behind the one that wrote it.
            var version = stored.TryGetValue(row.TripId, out s) ? Math.Max(nowMs, s.Version + 1) : nowMs;
            changed.Add(row.Values(version, updatedAt));
        }
        if (changed.Count > 0)
            await client.InsertRowsAsync($"{Db}.`trips`", TripRow.Columns, changed, ct);
        return changed.Count;
    }

    // Ids go in the query's URL (parameters): ClickHouse refuses a URI over http_max_uri_size (1 MiB), which a busy
    // day's trips (~40 bytes an id) would pass, so they are looked up a slice at a time.
    private const int IdsPerQuery = 5_000;

    private async Task<Dictionary<Guid, (string Hash, ulong Version)>> StoredAsync(IReadOnlyList<TripRow> rows, CancellationToken ct)
    {
        var stored = new Dictionary<Guid, (string, ulong)>();
        foreach (var slice in rows.Chunk(IdsPerQuery))
        {
            using var reader = await client.ExecuteReaderAsync(
                $$"""
                SELECT trip_id, content_hash, version FROM {{Db}}.trips FINAL
                WHERE entry_time BETWEEN fromUnixTimestamp({from:Int64}) AND fromUnixTimestamp({to:Int64})
                  AND trip_id IN {ids:Array(UUID)}
                """,
                ClickHouseParameters.Of(
                    ("from", new DateTimeOffset(slice.Min(r => r.EntryTime)).ToUnixTimeSeconds()),
                    ("to", new DateTimeOffset(slice.Max(r => r.EntryTime)).ToUnixTimeSeconds()),
                    ("ids", slice.Select(r => r.TripId).ToArray())),
                null, ct);
            while (reader.Read())
                stored[reader.Uuid("trip_id")] = (reader.String("content_hash"), reader.UInt64("version"));
        }
        return stored;
    }
}
