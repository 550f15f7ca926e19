using ClickHouse.Driver;
using DataPlatform.RegulatorBridge.Rates;
using Microsoft.Extensions.Options;
using DataPlatform.Ledger;

namespace DataPlatform.RegulatorBridge.Status;

/// <summary>Writes computed rates to <c>regulator_rates</c> (migration 0022); the newest computation per day and gate wins.</summary>
public sealed class RateStore(ClickHouseClient client, IOptions<ClickHouseOptions> options, TimeProvider time)
{
    public async Task SaveAsync(IReadOnlyCollection<DailyGateRate> rates, RateOptions thresholds, CancellationToken ct)
    {
        if (rates.Count == 0)
            return;
        var now = time.GetUtcNow().UtcDateTime;
        await client.InsertRowsAsync($"`{options.Value.Database}`.regulator_rates",
            ["day", "gate_id", "generated", "on_time", "late_real_time", "backfilled", "unacknowledged", "uploaded", "complete",
             "transmission_rate", "completeness_rate", "transmission_threshold", "completeness_threshold", "computed_at"],
            rates.Select(r => new object?[]
            {
                r.Day.ToDateTime(TimeOnly.MinValue), r.GateId, (uint)r.Generated, (uint)r.OnTime, (uint)r.LateRealTime,
                (uint)r.Backfilled, (uint)r.Unacknowledged, (uint)r.Uploaded, (uint)r.Complete, r.TransmissionRate,
                r.CompletenessRate, thresholds.TransmissionThreshold, thresholds.CompletenessThreshold, now,
            }), ct);
    }
}
