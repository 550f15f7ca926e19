using DataPlatform.MachineLearning.Evaluation;
using DataPlatform.MachineLearning.Features;
using FsCheck;
using FsCheck.Xunit;

namespace DataPlatform.Analytics.Tests.MachineLearning;

public class SmokingFeatureTests
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private static List<OpacityObservation> Readings(int seed, string[] plates)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 60).Select(_ => new OpacityObservation(Guid.NewGuid(), plates[random.Next(plates.Length)],
            T0.AddHours(random.Next(24 * 60)), Math.Round(random.NextDouble() * 2.5, 2), null))];
    }

    [Property(MaxTest = 200)]
    public bool Nothing_measured_or_seen_after_the_cut_off_changes_a_vehicles_features(int seed, PositiveInt cutoffHours)
    {
        string[] plates = ["冀B00001", "冀B00002", "冀B00003"];
        var profiles = plates.ToDictionary(p => p, p => new VehicleProfile(p, "个体", "H11", 50, "B", "F", new DateOnly(2018, 5, 2)));
        var readings = Readings(seed, plates);
        var entries = readings.Select(r => (r.Plate, r.At.AddMinutes(-1), r.At.Minute % 5 == 0)).ToList();
        var cutoff = T0.AddHours(cutoffHours.Get % (24 * 60));
        var all = new SmokingFeatureBuilder(profiles, readings, entries);
        var before = new SmokingFeatureBuilder(profiles, readings.Where(r => r.At < cutoff), entries.Where(e => e.Item2 < cutoff));
        return plates.All(p => Same(all.Build(p, cutoff), before.Build(p, cutoff)));
    }

    [Property(MaxTest = 200)]
    public bool A_register_date_after_the_cut_offs_China_day_is_not_known_at_the_cut_off(PositiveInt daysAfter, int hourOfDay)
    {
        // 00:30 China time on T0's day is still the previous UTC day: the day edge is China's.
        var cutoff = T0.AddHours(((hourOfDay % 24) + 24) % 24).AddMinutes(30);
        var cutoffDay = new DateOnly(2026, 10, 1);
        var dated = new Dictionary<string, VehicleProfile>
        {
            ["冀B00001"] = new("冀B00001", "车队A", "H11", 50, "B", "F", new DateOnly(2016, 10, 1)),
            ["冀B00002"] = new("冀B00002", "车队A", "H11", 50, "B", "F", cutoffDay.AddDays(daysAfter.Get)),
        };
        var later = new SmokingFeatureBuilder(dated, [], []).Build("冀B00002", cutoff);
        var undated = new SmokingFeatureBuilder(dated.ToDictionary(kv => kv.Key, kv => kv.Key == "冀B00002" ? kv.Value with { RegisterDate = null } : kv.Value), [], [])
            .Build("冀B00002", cutoff);
        var sameDay = new SmokingFeatureBuilder(dated.ToDictionary(kv => kv.Key, kv => kv.Key == "冀B00002" ? kv.Value with { RegisterDate = cutoffDay } : kv.Value), [], [])
            .Build("冀B00002", cutoff);
        // Unknown at the cut-off: the median of the dates known then (2016-10-01 only, ten years), never the later one.
        return Same(later, undated) && Math.Abs(later.RegisterAgeYears - 10f) < 0.01 && sameDay.RegisterAgeYears == 0;
    }

    private static bool Same(SmokingFeatures a, SmokingFeatures b) =>
        SmokingFeatures.Names.All(n => Equals(typeof(SmokingFeatures).GetProperty(n)!.GetValue(a), typeof(SmokingFeatures).GetProperty(n)!.GetValue(b)));

    [Fact]
    public void An_unknown_stage_or_register_date_takes_the_fleets_median_not_a_value_below_every_known_one()
    {
        // −1 would sit below 国四 (40) in a tree's numeric split: an unregistered one-off plate ranked as the oldest truck.
        var profiles = new Dictionary<string, VehicleProfile>
        {
            ["冀B00001"] = new("冀B00001", "车队A", "H11", 40, "B", "F", new DateOnly(2012, 10, 1)),
            ["冀B00002"] = new("冀B00002", "车队A", "H11", 50, "B", "F", new DateOnly(2018, 10, 1)),
            ["冀B00003"] = new("冀B00003", "车队A", "H11", 61, "B", "F", new DateOnly(2022, 10, 1)),
            ["冀B00004"] = new("冀B00004", "", "", null, "", "", null),
        };
        var builder = new SmokingFeatureBuilder(profiles, [], []);
        var unknown = builder.Build("冀B00004", T0);
        Assert.Equal((50f, 0f), (unknown.Stage, unknown.StageKnown));
        Assert.Equal(8f, unknown.RegisterAgeYears, 3);         // 2018-10-01 → 2026-10-01: 2,922 days / 365.25
        Assert.Equal((40f, 1f), (builder.Build("冀B00001", T0).Stage, builder.Build("冀B00001", T0).StageKnown));
        Assert.Equal(14f, builder.Build("冀B00001", T0).RegisterAgeYears, 1);
        Assert.Equal((50f, 0f), (builder.Build("冀X99999", T0).Stage, builder.Build("冀X99999", T0).StageKnown));

        // The simulation's case: no vehicle has a register date, so the feature is one constant (no split can use it).
        var undated = new SmokingFeatureBuilder(profiles.ToDictionary(kv => kv.Key, kv => kv.Value with { RegisterDate = null }), [], []);
        Assert.All(profiles.Keys, p => Assert.Equal(0f, undated.Build(p, T0).RegisterAgeYears));
    }

    [Fact]
    public void Fleet_history_excludes_the_vehicle_itself_and_the_trend_is_a_least_squares_slope()
    {
        var profiles = new Dictionary<string, VehicleProfile>
        {
            ["冀B00001"] = new("冀B00001", "车队A", "Q11", 40, "B", "F", null),
            ["冀B00002"] = new("冀B00002", "车队A", "Q11", 60, "B", "F", null),
        };
        OpacityObservation R(string plate, int day, double k) => new(Guid.NewGuid(), plate, T0.AddDays(day), k, null);
        var builder = new SmokingFeatureBuilder(profiles, [R("冀B00001", 0, 0.5), R("冀B00001", 30, 1.1), R("冀B00001", 60, 1.7), R("冀B00002", 1, 1.5)], []);
        var f = builder.Build("冀B00001", T0.AddDays(61));
        Assert.Equal(3, f.ReadingCount);
        Assert.Equal(1.7f, f.LastK, 3);
        Assert.Equal(0.6f, f.KTrendPer30Days, 3);           // +0.6 m⁻¹ every 30 days
        Assert.Equal(1f / 3, f.OverLimitShare, 3);
        Assert.Equal(1f, f.CarrierOverLimitShare);           // only 冀B00002's reading, which is over the limit
        Assert.Equal(1f, f.CarrierReadings);
        var examples = builder.TrainingExamples(T0.AddDays(61), []).ToList();
        Assert.Equal([false, false, true, true], examples.Select(e => e.Label).ToList());
        Assert.Equal(0, examples[0].ReadingCount);            // the first reading's example knows no reading yet
    }

    [Fact]
    public void Forecast_errors_and_budgeted_precision_match_hand_computed_values()
    {
        var e = ForecastErrors.Of([(10, 8), (0, 2), (5, 5), (4, 6)]);
        Assert.Equal(1.5, e.Mae, 6);                          // (2 + 2 + 0 + 2) / 4
        Assert.Equal((0.2 + 0 + 0.5) / 3, e.Mape, 6);         // the empty hour has no percentage error
        Assert.Equal(3, e.HoursWithTraffic);

        var scores = new Dictionary<string, double?> { ["a"] = 0.9, ["b"] = 0.8, ["c"] = 0.7, ["d"] = 0.1, ["e"] = null, ["f"] = 0.2, ["g"] = 0, ["h"] = 0, ["i"] = 0, ["j"] = 0 };
        var r = BudgetedRanking.Evaluate("m", scores, new HashSet<string> { "a", "c", "e" }, 0.2);
        Assert.Equal(2, r.Flagged);                           // ceil(10 × 0.2)
        Assert.Equal(0.5, r.Precision);                       // a (yes), b (no)
        Assert.Equal(1.0 / 3, r.Recall, 6);
    }
}
