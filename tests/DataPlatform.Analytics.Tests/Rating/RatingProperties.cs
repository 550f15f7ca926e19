using DataPlatform.Rating;
using DataPlatform.Rating.Metrics;
using DataPlatform.Rating.Rules;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Analytics.Tests.Rating;

/// <summary>The properties of the rating formulas and levels.</summary>
public sealed class RatingProperties
{
    [Property(MaxTest = 1000)]
    public Property Shares_lie_in_0_1_or_are_null_never_NaN() =>
        Prop.ForAll(RatingGens.Figures.ToArbitrary(), RatingGens.Rules.ToArbitrary(), (f, rules) =>
        {
            var m = MetricFormulas.Compute(f, rules);
            foreach (var name in MetricNames.Ratios)
                if (m.Value(name) is { } v) Assert.InRange(v, 0.0, 1.0);
            Assert.Equal(f.HeavyTripsByStage.Values.Sum() == 0, m.CompliantRoadShareTrips is null);
            Assert.Equal(f.CleanModeTonnes + f.RoadKg / 1000m == 0, m.CleanTransportRatio is null);
        });

    [Property(MaxTest = 1000)]
    public Property Adding_a_compliant_trip_never_lowers_a_compliance_share() =>
        Prop.ForAll(RatingGens.Figures.ToArbitrary(), RatingGens.Rules.ToArbitrary(),
            Gen.Zip(Gen.Choose(0, 40_000), Gen.Elements("6", "6b", "D")).ToArbitrary(), (f, rules, added) =>
        {
            var (kg, stage) = added;
            var before = MetricFormulas.Compute(f, rules);
            var trips = new Dictionary<string, long>(f.HeavyTripsByStage);
            var kgs = new Dictionary<string, long>(f.HeavyKgByStage);
            trips[stage] = trips.GetValueOrDefault(stage) + 1;
            kgs[stage] = kgs.GetValueOrDefault(stage) + kg;
            var after = MetricFormulas.Compute(f with { RoadTrips = f.RoadTrips + 1, RoadKg = f.RoadKg + kg, HeavyTripsByStage = trips, HeavyKgByStage = kgs }, rules);
            NotLower(before.CompliantRoadShareTrips, after.CompliantRoadShareTrips);
            NotLower(before.CompliantRoadShareTonnes, after.CompliantRoadShareTonnes);
            if (stage == "D") NotLower(before.NevHeavyShareTrips, after.NevHeavyShareTrips);
            Assert.NotNull(after.CompliantRoadShareTrips);
        });

    [Property(MaxTest = 500)]
    public Property Adding_a_compliant_in_plant_vehicle_or_machine_never_lowers_its_share() =>
        Prop.ForAll(RatingGens.Figures.ToArbitrary(), RatingGens.Rules.ToArbitrary(), (f, rules) =>
        {
            var before = MetricFormulas.Compute(f, rules);
            var inPlant = new Dictionary<string, long>(f.InPlantByStage) { ["D"] = f.InPlantByStage.GetValueOrDefault("D") + 1 };
            var nonRoad = new Dictionary<string, long>(f.NonRoadByStage) { ["D"] = f.NonRoadByStage.GetValueOrDefault("D") + 1 };
            var after = MetricFormulas.Compute(f with { InPlantByStage = inPlant, NonRoadByStage = nonRoad }, rules);
            NotLower(before.InPlantCompliance, after.InPlantCompliance);
            NotLower(before.NonRoadCompliance, after.NonRoadCompliance);
        });

    [Property(MaxTest = 2000)]
    public Property The_level_is_monotone_in_every_criterion() =>
        Prop.ForAll(RatingGens.Metrics.ToArbitrary(), RatingGens.Rules.ToArbitrary(),
            Gen.Zip(Gen.Elements(MetricNames.Ratios.ToArray()), Gen.Choose(0, 1000)).ToArbitrary(), (m, rules, change) =>
        {
            var (metric, raise) = change;
            var before = RatingGens.Rate(rules, m);
            var current = m.Value(metric);
            var raised = Math.Min(1.0, (current ?? 0) + raise / 1000.0);
            var after = RatingGens.Rate(rules, With(m, metric, raised));
            Assert.True(RatingLevel.Rank(after.Level) <= RatingLevel.Rank(before.Level),
                $"{rules.Id}: raising {metric} {current} → {raised} moved {before.Level} → {after.Level}");
        });

    [Property(MaxTest = 500)]
    public Property A_level_is_given_exactly_when_all_its_criteria_pass_and_no_better_level_does() =>
        Prop.ForAll(RatingGens.Metrics.ToArbitrary(), RatingGens.Rules.ToArbitrary(), (m, rules) =>
        {
            var result = RatingGens.Rate(rules, m);
            var passing = rules.Levels.Where(l => l.Criteria.All(c => result.Criteria.Single(r => r.Id == c.IdFor(l.Level)).Pass)).Select(l => l.Level).ToList();
            Assert.Equal(passing.FirstOrDefault() ?? RatingLevel.NotRated, result.Level);
            Assert.All(result.Criteria, c => Assert.Equal(c.Value is { } v && v >= c.Threshold, c.Pass));
        });

    private static void NotLower(double? before, double? after)
    {
        if (before is { } b) Assert.True(after >= b - 1e-12, $"{b} → {after}");
    }

    private static RatingMetrics With(RatingMetrics m, string metric, double value) => metric switch
    {
        MetricNames.CleanTransportRatio => m with { CleanTransportRatio = value },
        MetricNames.CleanTransportRatioInclNev => m with { CleanTransportRatioInclNev = value },
        MetricNames.CompliantRoadShareTonnes => m with { CompliantRoadShareTonnes = value },
        MetricNames.CompliantRoadShareTrips => m with { CompliantRoadShareTrips = value },
        MetricNames.NevHeavyShareTrips => m with { NevHeavyShareTrips = value },
        MetricNames.InPlantCompliance => m with { InPlantCompliance = value },
        _ => m with { NonRoadCompliance = value },
    };
}
