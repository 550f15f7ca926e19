using DataPlatform.Gate.Calendar;
using DataPlatform.Simulation;
using DataPlatform.Simulation.History;

namespace DataPlatform.Analytics.Tests.MachineLearning;

public class HistoryPlannerTests
{
    private static readonly HistoryOptions Options = new(60, 7, new DateOnly(2026, 12, 1)) { Scale = 0.1 };

    [Fact]
    public void A_days_volume_follows_holidays_and_alerts_and_volume_one_is_the_plain_day()
    {
        var planner = new HistoryPlanner(SimulationProfile.Default, Options);
        var holiday = planner.Plan(new DateOnly(2026, 10, 3));
        Assert.Equal(ChinaDayKind.Holiday, holiday.Kind);
        var ordinary = planner.Days.Select(planner.Plan).First(d => d.Kind == ChinaDayKind.Workday && d.Alert is null);
        Assert.True(holiday.Traffic.Valid < ordinary.Traffic.Valid / 2, $"holiday {holiday.Traffic.Valid} vs ordinary {ordinary.Traffic.Valid}");
        Assert.NotEmpty(planner.Alerts);
        // The existing seeded day is untouched by the history's hooks.
        var generator = new GateEventGenerator(SimulationProfile.Default, 7);
        var day = new DateOnly(2026, 11, 18);
        Assert.Equal(generator.Day(day).Pushes.Select(p => p.EventId), generator.Day(day, 1.0).Pushes.Select(p => p.EventId));
    }

    [Fact]
    public void Smokers_leave_the_simulator_only_in_the_labels_file_and_the_planted_anomalies_are_there()
    {
        var planner = new HistoryPlanner(SimulationProfile.Default, Options);
        var days = planner.Days.Select(planner.Plan).ToList();
        Assert.NotEmpty(planner.Smokers);
        var bodies = days.SelectMany(d => d.Traffic.Pushes.Concat(d.Traffic.Readings)).Select(p => System.Text.Encoding.UTF8.GetString(p.Body)).ToList();
        Assert.DoesNotContain(bodies, b => b.Contains("smok", StringComparison.OrdinalIgnoreCase) || b.Contains("label", StringComparison.OrdinalIgnoreCase));
        var (smokers, planted) = HistoryLabels.ReadCsv(planner.Labels.ToCsv());
        Assert.Equal(planner.Smokers.Order(), smokers.Order());
        Assert.Contains(planted, p => p.Kind == "cloned-plate");
        Assert.Contains(planted, p => p.Kind == "guard-override" && p.Subject == planner.OverrideVehicle.Plate);
        Assert.Contains(planted, p => p.Kind == "night-burst");
        Assert.Single(days.Single(d => d.Day == planner.OverrideDay).GuardPassages);
        var commands = HistoryRunner.Commands(planner, Options, DateTimeOffset.Now);
        Assert.Equal(2 + 2 * planner.Alerts.Count, commands.Count);
    }
}
