using System.Globalization;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorBridge.Rates;

/// <summary>Spec §5 rates per day and gate, pure over the upload log: transmission = on-time acknowledged ÷
/// generated; completeness = complete ÷ uploaded (acknowledged). Days are China-time days of generation.</summary>
public static class RateCalculator
{
    /// <exception cref="ArgumentException">a record id appears twice: the log must hold one row per record
    /// (read it with FINAL), or the rates would silently double-count.</exception>
    public static IReadOnlyList<DailyGateRate> Compute(IEnumerable<LoggedRecord> records, RateOptions options)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var groups = new Dictionary<(DateOnly Day, string Gate), int[]>();
        foreach (var r in records)
        {
            if (!ids.Add(r.RecordId))
                throw new ArgumentException($"record {r.RecordId} appears twice in the upload log", nameof(records));
            var key = (DayOf(r.GeneratedAt), r.GateId);
            if (!groups.TryGetValue(key, out var c))
                groups[key] = c = new int[7];
            c[0]++;
            if (r.AcknowledgedAt is not { } ack)
            {
                c[4]++;
                continue;
            }
            if (r.Mode == UploadMode.Backfill)
                c[3]++;
            else if (ack - r.GeneratedAt <= options.RealTimeDeadline)
                c[1]++;
            else
                c[2]++;
            c[5]++;
            if (r.Complete)
                c[6]++;
        }
        return groups
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Gate, StringComparer.Ordinal)
            .Select(g => new DailyGateRate(g.Key.Day, g.Key.Gate, g.Value[0], g.Value[1], g.Value[2], g.Value[3], g.Value[4], g.Value[5], g.Value[6]))
            .ToList();
    }

    /// <summary>One finding per rate below its threshold.</summary>
    public static IReadOnlyList<RateFinding> Findings(IEnumerable<DailyGateRate> rates, RateOptions options)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(options);
        var findings = new List<RateFinding>();
        foreach (var rate in rates)
        {
            if (rate.TransmissionRate < options.TransmissionThreshold)
                findings.Add(new RateFinding(rate.Day, rate.GateId, RateMetric.Transmission, rate.TransmissionRate, options.TransmissionThreshold,
                    $"{rate.Day:yyyy-MM-dd} 出入口 {rate.GateId} 传输率 {Percent(rate.TransmissionRate)} 低于 {Percent(options.TransmissionThreshold)}"
                    + $"（产生 {rate.Generated} 条，按时上传 {rate.OnTime} 条，补传 {rate.Backfilled} 条，未确认 {rate.Unacknowledged} 条）"));
            if (rate.CompletenessRate is { } completeness && completeness < options.CompletenessThreshold)
                findings.Add(new RateFinding(rate.Day, rate.GateId, RateMetric.Completeness, completeness, options.CompletenessThreshold,
                    $"{rate.Day:yyyy-MM-dd} 出入口 {rate.GateId} 完整率 {Percent(completeness)} 低于 {Percent(options.CompletenessThreshold)}"
                    + $"（已上传 {rate.Uploaded} 条，完整 {rate.Complete} 条）"));
        }
        return findings;
    }

    public static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(ChinaTime.From(time).DateTime);

    private static string Percent(double value) => value.ToString("0.0%", CultureInfo.InvariantCulture);
}
