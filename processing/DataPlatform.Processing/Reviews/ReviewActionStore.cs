using System.Data.Common;
using ClickHouse.Driver;
using DataPlatform.Compliance.Integrity;
using DataPlatform.Compliance.Reviews;
using DataPlatform.Ledger;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Sealing;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Reviews;

/// <summary>Reads the review ledger: stored actions by id, each passage's latest state, and the chains' heads.</summary>
public sealed class ReviewActionStore(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    public const string Ledger = "review_actions";

    public const string SelectColumns =
        """
        action_id, request_id, passage_id, passage_record_hash, enterprise_id, gate_id, lane_id,
        toUnixTimestamp(pass_time) AS pass_time_s, action, reject_kind, operator, source, reason,
        toUnixTimestamp64Milli(requested_at) AS requested_at_ms, toUnixTimestamp64Milli(applied_at) AS applied_at_ms, resolution_no,
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
            SELECT passage_id, argMax(status_after, (applied_at, action_id)) AS last_status,
                   argMax(plate_no_after, (applied_at, action_id)) AS last_plate_no,
                   argMax(plate_color_after, (applied_at, action_id)) AS last_plate_color,
                   argMax(vehicle_type_after, (applied_at, action_id)) AS last_vehicle_type,
                   max(resolution_no) AS last_resolution_no
            FROM {{Db}}.review_actions WHERE passage_id IN {ids:Array(UUID)} GROUP BY passage_id
            """,
            ClickHouseParameters.Of(("ids", passages.Keys.ToArray())), null, ct);
        while (reader.Read())
            states[reader.Uuid("passage_id")] = new ReviewState(
                Enum.Parse<ReviewStatus>(reader.String("last_status"), ignoreCase: true),
                new ReviewedValues(reader.String("last_plate_no"), reader.String("last_plate_color"), reader.String("last_vehicle_type")),
                reader.Int32("last_resolution_no"));
        return states;
    }

    /// <summary>Heads of the given chains from the stored rows (one writer: the highest sealed row is the head).</summary>
    public async Task<Dictionary<ChainKey, ChainHead>> HeadsAsync(IReadOnlyCollection<ChainKey> chains, CancellationToken ct)
    {
        var heads = chains.Distinct().ToDictionary(c => c, LedgerChain.EmptyHead);
        if (heads.Count == 0) return heads;
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT chain_key, max(chain_seq) AS head_seq, argMax(record_hash, chain_seq) AS head_hash FROM {{Db}}.review_actions
            WHERE chain_key IN {keys:Array(String)} AND record_hash != '' GROUP BY chain_key
            """,
            ClickHouseParameters.Of(("keys", heads.Keys.Select(k => k.ToString()).ToArray())), null, ct);
        while (reader.Read())
            if (ChainHeadTable.HeadOf(reader, PassageChain.Parse) is { } head) heads[head.Chain] = head;
        return heads;
    }

    /// <summary>A row of <see cref="SelectColumns"/>.</summary>
    public static ReviewActionRow Row(DbDataReader r) =>
        new(r.Uuid("action_id"), r.String("request_id"), r.Uuid("passage_id"), r.String("passage_record_hash"),
            r.String("enterprise_id"), r.String("gate_id"), r.String("lane_id"), r.UnixSeconds("pass_time_s"),
            r.String("action"), r.String("reject_kind"), r.String("operator"), r.String("source"), r.String("reason"),
            r.UnixMillis("requested_at_ms"), r.UnixMillis("applied_at_ms"), r.UInt32("resolution_no"),
            r.String("status_before"), r.String("status_after"), r.String("plate_no_before"), r.String("plate_color_before"),
            r.String("vehicle_type_before"), r.String("plate_no_after"), r.String("plate_color_after"), r.String("vehicle_type_after"))
        {
            OperatorName = r.String("operator_name"),
            Seal = PassageReader.SealOf(r),
        };
}
