using DataPlatform.Gate;
using DataPlatform.Gate.Calendar;
using DataPlatform.MachineLearning.Features;
using FsCheck;
using FsCheck.Xunit;

namespace DataPlatform.Analytics.Tests.MachineLearning;

public class ForecastFeatureProperties
{
    private static readonly ForecastFeatureBuilder Builder = new(ChinaHolidays.Official);

    // A random series over ~8 weeks around 2026-10 (holidays included), from a seed FsCheck chooses.
    private static HourlySeries Series(int seed)
    {
        var random = new Random(seed);
        var start = ChinaHours.FirstHourOf(new DateOnly(2026, 9, 1));
        var counts = new Dictionary<long, float>();
        var alerts = new Dictionary<long, int>();
        for (var h = start; h < start + 24 * 60; h++)
        {
            if (random.NextDouble() < 0.7) counts[h] = random.Next(0, 30);
            if (random.NextDouble() < 0.5) alerts[h] = random.Next(0, 5);
        }
        return new HourlySeries(new SeriesKey("E1", "G01", 1 + seed % 2), start, counts, alerts);
    }

    private static object[] Values(ForecastFeatures f) =>
        [f.HourOfDay, f.DayOfWeek, f.DayKind, f.IsDayOff, f.DaysToHoliday, f.Horizon, f.Direction, f.Lag1Week, f.Lag2Weeks,
         f.SameHourMean4Weeks, f.SameHourSameKindMean, f.LastDayMean, f.AlertAtCutoff, f.TargetHour, f.CutoffHour];

    [Property(MaxTest = 300)]
    public bool No_feature_reads_an_hour_at_or_after_the_cut_off(int seed, PositiveInt cutoffOffset, PositiveInt horizon)
    {
        var series = Series(seed);
        var cutoff = series.Since + 24 * 14 + cutoffOffset.Get % (24 * 40);
        var target = cutoff + (horizon.Get - 1) % ForecastFeatureBuilder.MaxHorizonHours;
        // What was known at the cut-off alone gives the very same features: nothing later was read.
        var full = Builder.Build(series, cutoff, target, withLabel: false);
        var known = Builder.Build(series.Before(cutoff), cutoff, target, withLabel: false);
        return Values(full).SequenceEqual(Values(known));
    }

    [Property(MaxTest = 200)]
    public bool The_guard_refuses_any_read_at_or_after_the_cut_off(int seed, NonNegativeInt ahead)
    {
        var series = Series(seed);
        var cutoff = series.Since + 500;
        var known = new ForecastFeatureBuilder.Known(series, cutoff);
        try
        {
            known.Count(cutoff + ahead.Get);
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    [Property(MaxTest = 200)]
    public bool The_label_is_the_count_of_the_target_hour_and_the_lag_a_week_before(int seed, PositiveInt offset)
    {
        var series = Series(seed);
        var cutoff = series.Since + 24 * 20 + offset.Get % (24 * 30);
        var target = cutoff + offset.Get % 72;
        var f = Builder.Build(series, cutoff, target, withLabel: true);
        return f.Label == series.CountAt(target) && f.Lag1Week == series.CountAt(target - 168) && f.Horizon == target - cutoff + 1;
    }

    [Fact]
    public void A_horizon_beyond_72_hours_is_refused()
    {
        var series = Series(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Builder.Build(series, series.Since + 1000, series.Since + 1000 + 72, false));
    }

    [Fact]
    public void Day_kind_follows_the_holiday_calendar_in_china_time()
    {
        // 2026-10-01 00:30 China time is 2026-09-30 16:30 UTC: already the National Day holiday.
        var hour = ChinaHours.Of(new DateTimeOffset(2026, 9, 30, 16, 30, 0, TimeSpan.Zero));
        var series = Series(3);
        var f = Builder.Build(series, hour, hour, false);
        Assert.Equal((float)ChinaDayKind.Holiday, f.DayKind);
        Assert.Equal(0, f.HourOfDay);
        // One hour earlier it is still 30 September, an ordinary Wednesday.
        var before = Builder.Build(series, hour - 1, hour - 1, false);
        Assert.Equal((float)ChinaDayKind.Workday, before.DayKind);
        Assert.Equal(23, before.HourOfDay);
    }
}
