using System.Data.Common;
using System.Globalization;
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
        passage_id, event_id, enterprise_id, gate_id, lane_id, direction, toUnixTimestamp(pass_time),
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
        new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            Convert.ToByte(reader.GetValue(5), CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeSeconds(Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture)).UtcDateTime,
            reader.GetString(7), reader.GetString(8),
            reader.IsDBNull(9) ? null : Convert.ToSingle(reader.GetValue(9), CultureInfo.InvariantCulture),
            reader.GetString(10), reader.GetString(11), (string[])reader.GetValue(12))
        {
            Seal = SealOf(reader),
            ReviewReason = reader.GetString(17),
            ReviewCandidates = (string[])reader.GetValue(18),
        };

    private static ChainSeal? SealOf(DbDataReader reader)
    {
        var hash = reader.GetString(16);
        if (hash.Length == 0 || PassageChain.Parse(reader.GetString(13)) is not { } chain) return null;
        return new ChainSeal(chain, Convert.ToInt64(reader.GetValue(14), CultureInfo.InvariantCulture), reader.GetString(15), hash);
    }
}
