using System.Globalization;
using DataPlatform.Gate;

namespace DataPlatform.Compliance.Integrity;

/// <summary>One hash chain per enterprise, gate and China calendar day: small enough to verify a day in one go,
/// and a day's chain is closed once the day is over.</summary>
public readonly record struct ChainKey(string EnterpriseId, string GateId, DateOnly ChinaDate)
{
    public static ChainKey For(LedgerRecord record) =>
        new(record.EnterpriseId, record.GateId, DateOnly.FromDateTime(ChinaTime.From(record.Time).DateTime));

    public override string ToString() =>
        $"{EnterpriseId}/{GateId}/{ChinaDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
