using ClickHouse.Driver;
using DataPlatform.Gate;
using DataPlatform.Ledger.Retention;

namespace DataPlatform.Processing.Integrity;

/// <summary>Applies the retention in force on a ledger table (read from the table, not the configuration) to a
/// verification report: findings on days the TTL reached are explained, not hidden (<see cref="LedgerVerificationReport.ExplainRetention"/>).</summary>
public static class RetentionInForce
{
    public static async Task<LedgerVerificationReport> ExplainAsync(LedgerVerificationReport report, ClickHouseClient client,
        string database, string table, TimeProvider? time, CancellationToken ct)
    {
        var months = await LedgerRetention.DeletionMonthsAsync(client, database, table, ct);
        var chinaToday = DateOnly.FromDateTime((time ?? TimeProvider.System).GetUtcNow().ToOffset(ChinaTime.Offset).DateTime);
        return report.ExplainRetention(months, chinaToday);
    }
}
