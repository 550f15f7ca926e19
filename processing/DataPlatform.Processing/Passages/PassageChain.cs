using System.Globalization;
using DataPlatform.Compliance.Integrity;

namespace DataPlatform.Processing.Passages;

/// <summary>
/// Which hash chain a passage is sealed onto: one per enterprise, gate lane and China date of the pass time.
/// The lane is part of it because a chain needs a single writer: the Kafka key is enterprise/gate/lane, so one
/// lane's passages sit on one partition, owned by one consumer at a time, in one order — whereas a gate's lanes
/// are spread over partitions and consumers. The lane goes into <see cref="ChainKey.GateId"/> as "gate/lane"
/// ('/' is refused inside the ids, so the key stays unambiguous and its text form parses back).
/// </summary>
public static class PassageChain
{
    public static string ChainGate(string gateId, string laneId) => $"{gateId}/{laneId}";

    public static ChainKey For(PassageRow row) =>
        new(row.EnterpriseId, ChainGate(row.GateId, row.LaneId), DateOnly.FromDateTime(row.PassTimeChina.AddHours(8)));

    /// <summary>The stored form, e.g. <c>E1302001/G01/L1/2026-11-28</c> (<see cref="ChainKey.ToString"/>).</summary>
    public static string Format(ChainKey key) => key.ToString();

    /// <summary>Reads a stored chain key back; null when it is not one the platform writes (a forged row).</summary>
    public static ChainKey? Parse(string text)
    {
        var first = text.IndexOf('/', StringComparison.Ordinal);
        var last = text.LastIndexOf('/');
        if (first <= 0 || last <= first + 1) return null;
        if (!DateOnly.TryParseExact(text[(last + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return null;
        var key = new ChainKey(text[..first], text[(first + 1)..last], date);
        return Format(key) == text ? key : null;
    }
}
