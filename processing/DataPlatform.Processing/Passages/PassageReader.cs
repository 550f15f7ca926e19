using System.Data.Common;
using ClickHouse.Driver;
using DataPlatform.Compliance.Integrity;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Passages;

/// <summary>Reads stored passage rows back by id, seal and review flag included, without a time bound (the id's
/// bloom-filter index finds them in whatever month they were stored).</summary>
public sealed class PassageReader(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    public const string SelectColumns =
        """
        passage_id, event_id, enterprise_id, gate_id, lane_id, direction, toUnixTimestamp(pass_time) AS pass_time_s,
        plate_no, plate_color, confidence, vehicle_type, device_id, pictures,
        chain_key, chain_seq, prev_hash, record_hash, review_reason, review_candidates
        """;

    /// <summary>One row per id (the first stored copy when a rebalance race left two).</summary>
    public async Task<Dictionary<Guid, PassageRow>> ReadByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = new Dictionary<Guid, PassageRow>();
        if (ids.Count == 0) return rows;
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT {{SelectColumns}} FROM `{{options.Value.Database}}`.passages
            WHERE passage_id IN {ids:Array(UUID)} AND record_hash != ''
            """,
            ClickHouseParameters.Of(("ids", ids.ToArray())), null, ct);
        while (reader.Read())
        {
            var row = Row(reader);
            rows.TryAdd(row.PassageId, row);
        }
        return rows;
    }

    /// <summary>A row of <see cref="SelectColumns"/>.</summary>
    public static PassageRow Row(DbDataReader reader) =>
        new(reader.Uuid("passage_id"), reader.String("event_id"), reader.String("enterprise_id"), reader.String("gate_id"),
            reader.String("lane_id"), reader.Byte("direction"), reader.UnixSeconds("pass_time_s"),
            reader.String("plate_no"), reader.String("plate_color"), reader.NullableSingle("confidence"),
            reader.String("vehicle_type"), reader.String("device_id"), reader.Strings("pictures"))
        {
            Seal = SealOf(reader),
            ReviewReason = reader.String("review_reason"),
            ReviewCandidates = reader.Strings("review_candidates"),
        };

    /// <summary>The hash-chain link of a sealed ledger row (<c>chain_key, chain_seq, prev_hash, record_hash</c>, alike
    /// in every chained table). An empty hash, or a chain key the platform would not write, means the row never
    /// passed the writer: null.</summary>
    public static ChainSeal? SealOf(DbDataReader reader)
    {
        var hash = reader.String("record_hash");
        if (hash.Length == 0 || PassageChain.Parse(reader.String("chain_key")) is not { } chain) return null;
        return new ChainSeal(chain, reader.Int64("chain_seq"), reader.String("prev_hash"), hash);
    }
}
