using DataPlatform.Analytics.IntegrationTests.Infrastructure;
using DataPlatform.Analytics.Rating;
using DataPlatform.Rating;
using DataPlatform.Rating.Metrics;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Analytics.IntegrationTests.Rating;

/// <summary>Every metric of <see cref="OracleLedger"/> against the value computed by hand, on the real engine.</summary>
[Collection(EnginesCollection.Name)]
public sealed class RatingOracleTests(EnginesFixture engines, OracleLedger ledger) : IClassFixture<OracleLedger>
{
    private static readonly RatingPeriod October = RatingPeriod.Month(2026, 10);

    private async Task<RatingResult> RateAsync(string enterprise, RatingPeriod period, string rules = "general") =>
        await (await ledger.GetAsync(engines)).Get<RatingService>().RateAsync(enterprise, period, rules, CancellationToken.None);

    [Fact]
    public async Task October_figures_equal_the_hand_computed_ones()
    {
        var m = (await RateAsync("E1", October)).Metrics;
        // Road: 30000 + 20000 + 25000 + 40000 + 10000 + 15000 + 5000 + 12000 + 8000 kg (the 09-30 23:59:59 and 11-01
        // 00:00:00 trips, the empty and the open one are out).
        Assert.Equal(9, m.RoadTrips);
        Assert.Equal(165m, m.RoadTonnes);
        // Heavy: all but the H31; U counts as heavy because the review corrected its passage's K11 to H11.
        Assert.Equal(8, m.HeavyTrips);
        Assert.Equal(160m, m.HeavyTonnes);
        // Compliant (国六 / electric): A 30 + B(10-20) 25 + N 40 + L (learnt later, first version 国六) 10 + A 12 +
        // the plate-corrected trip 8 = 125 t in 6 trips; B on 10-10 was still 国五, U is unknown.
        Assert.Equal(125.0 / 160, m.CompliantRoadShareTonnes!.Value, 12);
        Assert.Equal(6.0 / 8, m.CompliantRoadShareTrips!.Value, 12);
        Assert.Equal(1.0 / 8, m.NevHeavyShareTrips!.Value, 12);
        Assert.Equal(40m, m.NevHeavyTonnes);
        Assert.Equal(1, m.UnknownStageTrips);
        Assert.Equal(15m, m.UnknownStageTonnes);
        // Clean: 200 (10-03) + 35.5 (10-31); the 09-30 and 11-01 shipments are out.
        Assert.Equal(235.5m, m.CleanModeTonnes);
        Assert.Equal(235.5 / 400.5, m.CleanTransportRatio!.Value, 12);
        Assert.Equal(275.5 / 400.5, m.CleanTransportRatioInclNev!.Value, 12);
        // In-plant at the end of October: IP1 国五 ✓, IP2 electric ✓ (10-31 23:00), IP4 国四 ✗; IP3 came on 11-01.
        Assert.Equal(2.0 / 3, m.InPlantCompliance!.Value, 12);
        // Non-road: NR1 国三 ✓, NR2 X ✗, NR3 still 国二 ✗.
        Assert.Equal(1.0 / 3, m.NonRoadCompliance!.Value, 12);
        // Alert days: 10-12 only (10-13's deny was 常态); its heavy entry is N's.
        Assert.Equal(1, m.AlertDays);
        Assert.Equal(1, m.AlertDayInterceptions);
        Assert.Equal(1.0, m.HeavyPassagesPerAlertDay!.Value, 12);
        // Normal days with entries: 10-01, 05, 06, 07, 08, 09, 10, 11, 20, 31 (10-14's passage was rejected); heavy
        // entries on them: all but M's (10-07).
        Assert.Equal(10, m.NormalDays);
        Assert.Equal(0.9, m.HeavyPassagesPerNormalDay!.Value, 12);
    }

    [Fact]
    public async Task Month_edges_are_China_midnight()
    {
        var first = (await RateAsync("E1", new RatingPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 1)))).Metrics;
        Assert.Equal(30m, first.RoadTonnes);
        var september = (await RateAsync("E1", RatingPeriod.Month(2026, 9))).Metrics;
        Assert.Equal(30m, september.RoadTonnes);
        Assert.Equal(50m, september.CleanModeTonnes);
        var november = (await RateAsync("E1", RatingPeriod.Month(2026, 11))).Metrics;
        Assert.Equal(99m, november.RoadTonnes);
        Assert.Equal(100m, november.CleanModeTonnes);
        var rolling = (await RateAsync("E1", RatingPeriod.Rolling(2026, 11, 3))).Metrics;
        Assert.Equal(30m + 165m + 99m, rolling.RoadTonnes);
    }

    [Fact]
    public async Task No_traffic_gives_nulls_and_not_rated()
    {
        var result = await RateAsync("E2", October);
        var m = result.Metrics;
        Assert.All(MetricNames.Ratios, name => Assert.Null(m.Value(name)));
        Assert.Null(m.HeavyPassagesPerAlertDay);
        Assert.Null(m.HeavyPassagesPerNormalDay);
        Assert.Equal(0m, m.RoadTonnes);
        Assert.Equal(RatingLevel.NotRated, result.Level);
        Assert.All(result.Criteria, c => Assert.False(c.Pass));
    }

    [Fact]
    public async Task Only_new_energy_trucks()
    {
        var m = (await RateAsync("E3", October)).Metrics;
        Assert.Equal(1.0, m.CompliantRoadShareTonnes);
        Assert.Equal(1.0, m.NevHeavyShareTrips);
        Assert.Equal(0.0, m.CleanTransportRatio);
        Assert.Equal(1.0, m.CleanTransportRatioInclNev);
        Assert.Null(m.InPlantCompliance);
    }

    [Fact]
    public async Task Rule_sets_judge_their_own_stage_minimum()
    {
        // General (国六/NEV, by trips): 0.75 → only C (≥ 0.5). Cement (国五+): B's 国五 trip counts, 145/160 = 0.906 → B.
        var general = await RateAsync("E1", October, "general");
        Assert.Equal(RatingLevel.C, general.Level);
        Assert.Contains(general.Criteria, c => c is { Id: "B.compliant_road_share_trips", Pass: false, Threshold: 0.8 });
        var cement = await RateAsync("E1", October, "cement");
        Assert.Equal(145.0 / 160, cement.Metrics.CompliantRoadShareTonnes!.Value, 12);
        Assert.Equal(RatingLevel.B, cement.Level);
        // Steel long-process A needs clean ≥ 80 % in each of Aug, Sep, Oct: August has no figures → undefined.
        var steel = await RateAsync("E1", October, "steel-long");
        Assert.Contains(steel.Criteria, c => c is { Id: "A.clean_transport_ratio.3m", Value: null, Pass: false });
    }

    [Fact]
    public async Task Evidence_adds_up_to_the_metric()
    {
        var host = await ledger.GetAsync(engines);
        var rows = await host.Get<RatingEvidence>().ListAsync("E1", October, MetricNames.CompliantRoadShareTonnes, "general", CancellationToken.None);
        Assert.Equal(125m, rows.Where(r => r.InNumerator).Sum(r => r.Tonnes));
        Assert.Equal(160m, rows.Where(r => r.InDenominator).Sum(r => r.Tonnes));
        Assert.All(rows, r => Assert.NotEmpty(r.Pictures));
        var clean = await host.Get<RatingEvidence>().ListAsync("E1", October, MetricNames.CleanTransportRatio, "general", CancellationToken.None);
        Assert.Equal(235.5m, clean.Where(r => r.InNumerator).Sum(r => r.Tonnes));
        Assert.Equal(400.5m, clean.Where(r => r.InDenominator).Sum(r => r.Tonnes));
        var inPlant = await host.Get<RatingEvidence>().ListAsync("E1", October, MetricNames.InPlantCompliance, "general", CancellationToken.None);
        Assert.Equal(["IP1", "IP2"], inPlant.Where(r => r.InNumerator).Select(r => r.Id).Order().ToArray());
    }

    [Fact]
    public async Task The_analyst_view_agrees_with_the_rating()
    {
        var host = await ledger.GetAsync(engines);
        var db = host.Platform.Database;
        Assert.Equal(165000, await host.Platform.ScalarAsync(
            $"SELECT toInt64(sum(road_tonnes) * 1000) FROM `{db}`.v_rating_daily WHERE enterprise_id = 'E1' AND day BETWEEN '2026-10-01' AND '2026-10-31'"));
        Assert.Equal(6, await host.Platform.ScalarAsync(
            $"SELECT sum(compliant_heavy_trips) FROM `{db}`.v_rating_daily WHERE enterprise_id = 'E1' AND toYYYYMM(day) = 202610"));
    }
}
