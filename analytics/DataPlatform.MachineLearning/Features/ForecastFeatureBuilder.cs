using DataPlatform.Gate.Calendar;

namespace DataPlatform.MachineLearning.Features;

/// <summary>
/// Builds forecast examples from an hourly series, reading only hours before the cut-off: every read goes through
/// <see cref="Known"/>, which refuses an hour at or after the cut-off, so a leak is an exception and not a quietly
/// better score. The lags are whole weeks (≥ 168 h > the 72 h horizon) and day-of-kind means step back whole days
/// from the cut-off. Pure.
/// </summary>
public sealed class ForecastFeatureBuilder(ChinaHolidays holidays)
{
    public const int MaxHorizonHours = 72;
    private const int Week = 168;

    /// <summary>The series as seen at a cut-off: reading an hour at or after it throws.</summary>
    public readonly struct Known(HourlySeries series, long cutoff)
    {
        public float Count(long hour) => hour < cutoff
            ? series.CountAt(hour)
            : throw new InvalidOperationException($"feature leak: hour {hour} read at cut-off {cutoff}");

        public int AlertAt(long hour) => hour < cutoff
            ? series.AlertLevels.TryGetValue(hour, out var level) ? level : -1
            : throw new InvalidOperationException($"feature leak: alert of hour {hour} read at cut-off {cutoff}");
    }

    /// <summary>The example for <paramref name="target"/> forecast at <paramref name="cutoff"/> (target − cutoff in 1..72
    /// counts hours ahead: the cut-off hour itself is the first unknown one, horizon 1).</summary>
    public ForecastFeatures Build(HourlySeries series, long cutoff, long target, bool withLabel)
    {
        var horizon = target - cutoff + 1;
        if (horizon < 1 || horizon > MaxHorizonHours)
            throw new ArgumentOutOfRangeException(nameof(target), $"horizon {horizon} h is outside 1..{MaxHorizonHours}");
        var known = new Known(series, cutoff);
        var day = ChinaHours.Day(target);
        var kind = holidays.Kind(day);
        var offDay = holidays.IsDayOff(day);
        return new ForecastFeatures
        {
            HourOfDay = ChinaHours.HourOfDay(target),
            DayOfWeek = (int)day.DayOfWeek,
            DayKind = (int)kind,
            IsDayOff = offDay ? 1 : 0,
            DaysToHoliday = holidays.DaysToNearestHoliday(day),
            Horizon = horizon,
            Direction = series.Key.Direction,
            Lag1Week = known.Count(target - Week),
            Lag2Weeks = known.Count(target - 2 * Week),
            SameHourMean4Weeks = Mean(Enumerable.Range(1, 4).Select(w => target - w * Week).Where(h => h >= series.Since).Select(known.Count)),
            SameHourSameKindMean = SameKindMean(known, series.Since, cutoff, target, offDay),
            LastDayMean = Enumerable.Range(1, 24).Average(h => known.Count(cutoff - h)),
            AlertAtCutoff = AlertAtCutoff(known, cutoff),
            Label = withLabel ? series.CountAt(target) : 0,
            TargetHour = target,
            CutoffHour = cutoff,
        };
    }

    /// <summary>Every example of cut-offs at China midnight of <paramref name="days"/> for the next 72 hours.</summary>
    public IEnumerable<ForecastFeatures> DailyCutoffs(HourlySeries series, IEnumerable<DateOnly> days, bool withLabel, long? endExclusive = null)
    {
        foreach (var day in days)
        {
            var cutoff = ChinaHours.FirstHourOf(day);
            for (var h = 0; h < MaxHorizonHours; h++)
            {
                var target = cutoff + h;
                if (endExclusive is { } end && target >= end) break;
                yield return Build(series, cutoff, target, withLabel);
            }
        }
    }

    private static float Mean(IEnumerable<float> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : list.Average();
    }

    private float SameKindMean(Known known, long since, long cutoff, long target, bool offDay)
    {
        // Step back whole days from the target to days wholly before the cut-off, keeping those of the same kind.
        var values = new List<float>(4);
        for (var back = 1; back <= 35 && values.Count < 4; back++)
        {
            var hour = target - 24L * back;
            if (hour >= cutoff) continue;
            if (hour < since) break;
            if (holidays.IsDayOff(ChinaHours.Day(hour)) == offDay) values.Add(known.Count(hour));
        }
        return values.Count == 0 ? 0 : values.Average();
    }

    private static float AlertAtCutoff(Known known, long cutoff)
    {
        for (var h = cutoff - 1; h >= cutoff - 24; h--)
            if (known.AlertAt(h) is var level and >= 0) return level;
        return 0;
    }
}
