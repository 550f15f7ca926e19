using DataPlatform.Gate;
using DataPlatform.Processing.Registers.National;
using DataPlatform.Simulation;
using DataPlatform.Simulation.History;
using DataPlatform.Simulation.NationalPlatform;

namespace DataPlatform.Analytics.Tests.MachineLearning;

/// <summary>The simulated fleet's register dates (what the national platform lists, so what the smoking model can
/// learn from) and their tie to smoking (which only the labels file carries).</summary>
public class SimulatedRegisterDateTests
{
    private static readonly IReadOnlyList<SimulatedVehicle> Fleet = new GateEventGenerator(SimulationProfile.Default, 7).Fleet;

    [Fact]
    public void A_vehicle_is_registered_in_its_stages_era_before_any_history_and_the_national_platform_lists_the_date()
    {
        foreach (var v in Fleet)
        {
            var date = SimulatedRegisterDates.Of(v);
            Assert.True(date <= SimulatedRegisterDates.Newest, $"{v.Plate} {date}");
            Assert.Equal(date, SimulatedRegisterDates.Of(v));   // from the VIN: the same on every run
            Assert.Equal(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), NationalPlatformRecords.Of(v).RegisterDate);
        }
        DateOnly Latest(EmissionStage s) => Fleet.Where(v => v.Stage == s).Max(SimulatedRegisterDates.Of);
        DateOnly Earliest(EmissionStage s) => Fleet.Where(v => v.Stage == s).Min(SimulatedRegisterDates.Of);
        Assert.True(Latest(EmissionStage.Guo4) < Earliest(EmissionStage.Guo5));
        Assert.True(Latest(EmissionStage.Guo5) < Earliest(EmissionStage.Guo6b));
    }

    [Fact]
    public void Within_a_stage_older_registered_trucks_smoke_more_over_seeds()
    {
        // Summed over seeds (one fleet's handful of smokers is noise): the smokers' mean era age against the others'.
        double smokers = 0, others = 0;
        int smokerCount = 0, otherCount = 0;
        foreach (var seed in Enumerable.Range(1, 20))
        {
            var fleet = new GateEventGenerator(SimulationProfile.Default, seed).Fleet;
            var drawn = HistoryPlanner.DrawSmokers(fleet, seed);
            foreach (var v in fleet.Where(v => v is { Smokes: true, HighEmitter: false }))
                if (drawn.Contains(v.Plate)) (smokers, smokerCount) = (smokers + SimulatedRegisterDates.EraAge(v), smokerCount + 1);
                else (others, otherCount) = (others + SimulatedRegisterDates.EraAge(v), otherCount + 1);
        }
        Assert.True(smokerCount > 50, $"smokers: {smokerCount}");
        Assert.True(smokers / smokerCount > others / otherCount + 0.05, $"era age: smokers {smokers / smokerCount:F3}, others {others / otherCount:F3}");
    }

    [Fact]
    public void The_national_platforms_register_date_is_learnt_into_the_road_register_and_its_absence_changes_nothing()
    {
        var info = new NationalVehicleInfo(null, "冀B12345", "yellow", null, "5", "B", "H11", null, null, null, null, "F", null);
        var (undated, _) = NationalRecord.ToChange("E1", PlateNumber.Parse("冀B12345"), PlateColor.Yellow, info, DateTimeOffset.Now);
        var (dated, _) = NationalRecord.ToChange("E1", PlateNumber.Parse("冀B12345"), PlateColor.Yellow, info with { RegisterDate = "2016-05-03" }, DateTimeOffset.Now);
        Assert.False(undated!.Fields.ContainsKey("registerDate"));
        Assert.Equal("2016-05-03", dated!.Fields["registerDate"]);
        Assert.NotEqual(undated.ChangeId, dated.ChangeId);
        // A date the register cannot read is the platform's error: the record is not learnt (as any bad field).
        var (bad, rejection) = NationalRecord.ToChange("E1", PlateNumber.Parse("冀B12345"), PlateColor.Yellow, info with { RegisterDate = "2016/5/3" }, DateTimeOffset.Now);
        Assert.Null(bad);
        Assert.NotNull(rejection);
    }
}
