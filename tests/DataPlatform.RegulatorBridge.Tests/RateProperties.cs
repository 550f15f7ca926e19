using DataPlatform.RegulatorBridge.Rates;
using DataPlatform.RegulatorBridge.Records;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static DataPlatform.RegulatorBridge.Tests.Fixture;

namespace DataPlatform.RegulatorBridge.Tests;

public sealed class RateProperties
{
    private static readonly RateOptions Options = new();

    public sealed record Log(IReadOnlyList<LoggedRecord> Records)
    {
        public override string ToString() => string.Join("\n", Records);
    }

    // Records around midnight China time, on two gates, with every mix of mode, delay and completeness.
    private static readonly Gen<Log> LogGen =
        from count in Gen.Choose(0, 60)
        from rows in Gen.ArrayOf(
            from minute in Gen.Choose(-90, 90)
            from gate in Gen.Elements("G01", "G02")
            from mode in Gen.Elements<UploadMode?>(UploadMode.RealTime, UploadMode.RealTime, UploadMode.Backfill, null)
            from ackDelay in Gen.Elements<int?>(null, 0, 5, 59, 60, 61, 600, 86_400)
            from complete in Gen.Elements(true, true, true, false)
            select (minute, gate, mode, ackDelay, complete), count)
        select new Log(rows.Select((r, i) =>
        {
            var generated = new DateTimeOffset(2026, 11, 28, 0, 0, 0, China).AddMinutes(r.minute);
            var ack = r.mode is null || r.ackDelay is null ? (DateTimeOffset?)null : generated.AddSeconds(r.ackDelay.Value);
            return new LoggedRecord($"E1302001-P-{i}", r.gate, generated, r.mode, ack, r.complete);
        }).ToList());

    [Property(MaxTest = 500)]
    public Property Rates_are_in_0_1_and_match_a_brute_force_count() =>
        Prop.ForAll(LogGen.ToArbitrary(), log =>
        {
            var rates = RateCalculator.Compute(log.Records, Options);
            Assert.Equal(log.Records.Count, rates.Sum(r => r.Generated));
            foreach (var rate in rates)
            {
                Assert.InRange(rate.TransmissionRate, 0.0, 1.0);
                if (rate.CompletenessRate is { } c)
                    Assert.InRange(c, 0.0, 1.0);
                var mine = log.Records.Where(r =>
                    r.GateId == rate.GateId
                    && DateOnly.FromDateTime(r.GeneratedAt.ToOffset(China).DateTime) == rate.Day).ToList();
                var onTime = mine.Count(r => r.Mode == UploadMode.RealTime && r.AcknowledgedAt is { } a && (a - r.GeneratedAt).TotalSeconds <= 60);
                var acked = mine.Where(r => r.AcknowledgedAt is not null).ToList();
                Assert.Equal(mine.Count, rate.Generated);
                Assert.Equal((double)onTime / mine.Count, rate.TransmissionRate, 12);
                Assert.Equal(mine.Count(r => r.Mode == UploadMode.Backfill && r.AcknowledgedAt is not null), rate.Backfilled);
                Assert.Equal(mine.Count(r => r.AcknowledgedAt is null), rate.Unacknowledged);
                Assert.Equal(acked.Count == 0 ? null : (double)acked.Count(r => r.Complete) / acked.Count, rate.CompletenessRate);
                Assert.Equal(rate.Generated, rate.OnTime + rate.LateRealTime + rate.Backfilled + rate.Unacknowledged);
            }
            var findings = RateCalculator.Findings(rates, Options);
            Assert.Equal(
                rates.Count(r => r.TransmissionRate < 0.95) + rates.Count(r => r.CompletenessRate < 0.95),
                findings.Count);
        });

    [Fact]
    public void A_day_with_an_outage_is_below_threshold_and_the_finding_is_in_Chinese()
    {
        var day = new DateTimeOffset(2026, 11, 28, 8, 0, 0, China);
        var records = Enumerable.Range(0, 100).Select(i =>
        {
            var generated = day.AddMinutes(i);
            // Ten records fell into an outage and were back-filled the next morning.
            return i < 10
                ? new LoggedRecord($"r{i}", "G01", generated, UploadMode.Backfill, day.AddHours(20), true)
                : new LoggedRecord($"r{i}", "G01", generated, UploadMode.RealTime, generated.AddSeconds(3), i != 50);
        }).ToList();
        var rate = Assert.Single(RateCalculator.Compute(records, Options));
        Assert.Equal(new DateOnly(2026, 11, 28), rate.Day);
        Assert.Equal((90, 10, 100), (rate.OnTime, rate.Backfilled, rate.Uploaded));
        Assert.Equal(0.9, rate.TransmissionRate, 12);
        Assert.Equal(0.99, rate.CompletenessRate!.Value, 12);
        var finding = Assert.Single(RateCalculator.Findings([rate], Options));
        Assert.Equal(RateMetric.Transmission, finding.Metric);
        Assert.Equal("2026-11-28 出入口 G01 传输率 90.0% 低于 95.0%（产生 100 条，按时上传 90 条，补传 10 条，未确认 0 条）", finding.Message);
    }

    [Fact]
    public void Days_are_China_days_and_duplicate_log_rows_are_refused()
    {
        var lateUtc = new DateTimeOffset(2026, 11, 27, 17, 30, 0, TimeSpan.Zero); // 01:30 on the 28th in China
        var rate = Assert.Single(RateCalculator.Compute([new LoggedRecord("a", "G01", lateUtc, UploadMode.RealTime, lateUtc.AddSeconds(1), true)], Options));
        Assert.Equal(new DateOnly(2026, 11, 28), rate.Day);
        var row = new LoggedRecord("dup", "G01", Now, null, null, false);
        Assert.Throws<ArgumentException>(() => RateCalculator.Compute([row, row], Options));
    }
}
