using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DataPlatform.Devices.Weighbridge;

/// <summary>Derives a weighing's id from what identifies it, so replaying the same indicator stream or the same
/// software line after a reconnect yields the same id and the ledger keeps one row. The id fits the gate
/// event-id alphabet ([A-Za-z0-9._:-], at most 64).</summary>
public static class WeighingEventId
{
    public static string Create(string enterpriseId, string weighbridgeId, DateTimeOffset time, decimal weightKg, string? ticketNo)
    {
        // 1.50 and 1.5 are the same weight; the id must not depend on how many zeros a protocol sent.
        var weight = decimal.Round(weightKg, 3).ToString("0.###", CultureInfo.InvariantCulture);
        var key = string.Join('\n', enterpriseId, weighbridgeId, time.UtcTicks.ToString(CultureInfo.InvariantCulture), weight, ticketNo ?? "");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "wgh-" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
