using System.Data.Common;
using System.Globalization;
using ClickHouse.Driver;
using DataPlatform.Compliance.Integrity;
using DataPlatform.Compliance.Reviews;
using DataPlatform.Ledger;
using DataPlatform.Processing.Passages;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Reviews;

/// <summary>Reads the review ledger: stored actions by id, each passage's latest state, and the chains' heads.</summary>
public sealed class ReviewActionStore(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    public const string Ledger = "review_actions";

    public const string SelectColumns =
        """
        action_id, request_id, passage_id, passage_record_hash, enterprise_id, gate_id, lane_id,
        toUnixTimestamp(pass_time), action, reject_kind, operator, source, reason,
        toUnixTimestamp64Milli(requested_at), toUnixTimestamp64Milli(applied_at), resolution_no,
        status_before, status_after, plate_no_before, plate_color_before, vehicle_type_before,
        plate_no_after, plate_color_after, vehicle_type_after, chain_key, chain_seq, prev_hash, record_hash, operator_name
        """;

    public static readonly LedgerTable<ReviewActionRow> Table = new(
        Ledger, "action_id", "applied_at", ReviewActionRow.Columns, r => r.ActionId, r => r.AppliedAt, r => r.Values())
    {
        // A resent action is applied again later: its id must be found whatever day it was first applied.
        TimeBoundedIdCheck = false,
    };

    private string Db => $"`{options.Value.Database}`";

    public async Task<Dictionary<Guid, ReviewActionRow>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = new Dictionary<Guid, ReviewActionRow>();
        if (ids.Count == 0) return rows;
        using var reader = await client.ExecuteReaderAsync(
            $"SELECT {SelectColumns} FROM {Db}.review_actions WHERE action_id IN {{ids:Array(UUID)}}",
            ClickHouseParameters.Of(("ids", ids.ToArray())), null, ct);
        while (reader.Read())
        {
            var row = Row(reader);
            rows.TryAdd(row.ActionId, row);
        }
        return rows;
    }

    /// <summary>The effective review state of each passage, folded from its stored actions (the latest applied
    /// carries the values after all earlier ones); a passage without actions gets its initial state.</summary>
    public async Task<Dictionary<Guid, ReviewState>> StatesAsync(IReadOnlyDictionary<Guid, PassageRow> passages, CancellationToken ct)
    {
        var states = passages.ToDictionary(p => p.Key, p => ReviewState.Initial(
            new ReviewedValues(p.Value.PlateNo, p.Value.PlateColor, p.Value.VehicleType), p.Value.NeedsReview));
        if (passages.Count == 0) return states;
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT passage_id, argMax(status_after, (applied_at, action_id)), argMax(plate_no_after, (applied_at, action_id)),
                   argMax(plate_color_after, (applied_at, action_id)), argMax(vehicle_type_after, (applied_at, action_id)),
                   max(resolution_no)
            FROM {{Db}}.review_actions WHERE passage_id IN {ids:Array(UUID)} GROUP BY passage_id
            """,
            ClickHouseParameters.Of(("ids", passages.Keys.ToArray())), null, ct);
        while (reader.Read())
            states[reader.GetGuid(0)] = new ReviewState(
                Enum.Parse<ReviewStatus>(reader.GetString(1), ignoreCase: true),
                new ReviewedValues(reader.GetString(2), reader.GetString(3), reader.GetString(4)),
                Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture));
        return states;
    }

    /// <summary>Heads of the given chains from the stored rows (one writer: the highest sealed row is the head).</summary>
    public async Task<Dictionary<ChainKey, ChainHead>> HeadsAsync(IReadOnlyCollection<ChainKey> chains, CancellationToken ct)
    {
        var heads = chains.Distinct().ToDictionary(c => c, LedgerChain.EmptyHead);
        if (heads.Count == 0) return heads;
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT chain_key, max(chain_seq), argMax(record_hash, chain_seq) FROM {{Db}}.review_actions
            WHERE chain_key IN {keys:Array(String)} AND record_hash != '' GROUP BY chain_key
            """,
            ClickHouseParameters.Of(("keys", heads.Keys.Select(k => k.ToString()).ToArray())), null, ct);
        while (reader.Read())
        {
            if (PassageChain.Parse(reader.GetString(0)) is not { } key) continue;
            heads[key] = new ChainHead(key, Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture) + 1, reader.GetString(2));
        }
        return heads;
    }

    public static ReviewActionRow Row(DbDataReader r) =>
        new(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
            Seconds(r.GetValue(7)), r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(11), r.GetString(12),
            Millis(r.GetValue(13)), Millis(r.GetValue(14)), Convert.ToUInt32(r.GetValue(15), CultureInfo.InvariantCulture),
            r.GetString(16), r.GetString(17), r.GetString(18), r.GetString(19), r.GetString(20),
            r.GetString(21), r.GetString(22), r.GetString(23))
        {
            OperatorName = r.GetString(28),
            Seal = r.GetString(27).Length == 0 || PassageChain.Parse(r.GetString(24)) is not { } chain
                ? null
                : new ChainSeal(chain, Convert.ToInt64(r.GetValue(25), CultureInfo.InvariantCulture), r.GetString(26), r.GetString(27)),
        };

    private static DateTime Seconds(object value) =>
        DateTimeOffset.FromUnixTimeSeconds(Convert.ToInt64(value, CultureInfo.InvariantCulture)).UtcDateTime;

    private static DateTime Millis(object value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, CultureInfo.InvariantCulture)).UtcDateTime;
}
