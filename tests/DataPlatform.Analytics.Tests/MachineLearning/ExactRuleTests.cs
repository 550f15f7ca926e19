using DataPlatform.MachineLearning.Rules;
using FsCheck;
using FsCheck.Xunit;

namespace DataPlatform.Analytics.Tests.MachineLearning;

public class ExactRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly ExactRules Rules = new(new AnomalyRuleOptions());

    private static PassageFact P(string plate, string gate, int direction, DateTimeOffset at, string outcome = "allow", string device = "cam-1",
        string enterprise = "E1", string type = "H11") =>
        new(Guid.NewGuid(), enterprise, gate, direction, at, plate, type, device, [$"sha256:{plate}{at.Ticks}"], outcome);

    [Property(MaxTest = 300)]
    public bool A_plate_at_two_gates_is_flagged_exactly_when_faster_than_a_truck(PositiveInt gapSeconds)
    {
        var gap = gapSeconds.Get % 900;
        var a = P("冀B12345", "G01", 1, T0);
        var b = P("冀B12345", "G02", 1, T0.AddSeconds(gap));
        var flags = Rules.ClonedPlates([b, a]).ToList();
        var expected = gap < 3 * 60;
        return flags.Count == (expected ? 1 : 0)
               && (!expected || flags[0].PassageIds.SequenceEqual([a.PassageId, b.PassageId]) && flags[0].Pictures.Count == 2);
    }

    [Fact]
    public void Two_plants_use_the_longer_travel_time_and_one_gate_never_flags()
    {
        var a = P("冀B12345", "G01", 1, T0);
        Assert.Single(Rules.ClonedPlates([a, P("冀B12345", "G01", 1, T0.AddMinutes(10), enterprise: "E2")]));
        Assert.Empty(Rules.ClonedPlates([a, P("冀B12345", "G01", 1, T0.AddMinutes(45), enterprise: "E2")]));
        Assert.Empty(Rules.ClonedPlates([a, P("冀B12345", "G01", 2, T0.AddSeconds(20))]));
    }

    [Fact]
    public void An_entry_without_exit_is_flagged_after_three_days_only()
    {
        var entry = P("冀B11111", "G01", 1, T0);
        var flag = Assert.Single(Rules.EntriesWithoutExit([entry], T0.AddDays(3.5)));
        Assert.Equal([entry.PassageId], flag.PassageIds);
        Assert.Empty(Rules.EntriesWithoutExit([entry], T0.AddDays(2)));
        Assert.Empty(Rules.EntriesWithoutExit([entry, P("冀B11111", "G02", 2, T0.AddHours(2))], T0.AddDays(5)));
        // A denied entry never let the truck in.
        Assert.Empty(Rules.EntriesWithoutExit([P("冀B22222", "G01", 1, T0, outcome: "deny")], T0.AddDays(5)));
    }

    [Fact]
    public void Denials_then_a_guards_manual_pass_is_a_guard_override_with_every_passage_as_evidence()
    {
        var d1 = P("冀B33333", "G01", 1, T0, "deny");
        var d2 = P("冀B33333", "G01", 1, T0.AddMinutes(6), "deny");
        var manual = P("冀B33333", "G01", 1, T0.AddMinutes(20), "deny", device: "guard:zhang");
        var flag = Assert.Single(Rules.GuardOverrides([manual, d1, d2]));
        Assert.Equal(AnomalyKinds.GuardOverride, flag.Kind);
        Assert.Equal([d1.PassageId, d2.PassageId, manual.PassageId], flag.PassageIds);
        Assert.Contains("zhang", flag.Title, StringComparison.Ordinal);
        // One denial is not "repeated"; a manual pass hours later is not an override of them.
        Assert.Empty(Rules.GuardOverrides([d1, manual]));
        Assert.Empty(Rules.GuardOverrides([d1, d2, manual with { PassTime = T0.AddHours(5) }]));
        // A manual pass of a truck the gate allowed is an ordinary missed read.
        Assert.Empty(Rules.GuardOverrides([d1 with { Outcome = "allow" }, d2 with { Outcome = "allow" }, manual]));
    }

    [Fact]
    public void A_goods_truck_with_many_entries_and_no_weighing_is_flagged_a_bus_is_not()
    {
        var entries = Enumerable.Range(0, 5).Select(i => P("冀B44444", "G01", 1, T0.AddDays(i))).ToList();
        var flag = Assert.Single(Rules.NeverWeighed(entries, []));
        Assert.Equal(5, flag.PassageIds.Count);
        Assert.Empty(Rules.NeverWeighed(entries, [new WeighingFact("E1", "冀B44444", T0.AddDays(1))]));
        Assert.Empty(Rules.NeverWeighed(entries.Take(4), []));
        Assert.Empty(Rules.NeverWeighed(entries.Select(e => e with { VehicleType = "K11" }), []));
    }

    [Fact]
    public void Unregistered_machinery_in_a_work_area_is_flagged_once_per_machine_and_china_day()
    {
        SightingFact S(DateTimeOffset at, bool registered = false, string kind = "work-area") => new(Guid.NewGuid(), "E1", "冀B5555挂", "WA1", kind, at, registered);
        var flags = ExactRules.UnregisteredMachinery([S(T0), S(T0.AddHours(3)), S(T0.AddDays(1)), S(T0, registered: true), S(T0, kind: "entry")]).ToList();
        Assert.Equal(2, flags.Count);
        // 23:30 China time and 00:30 the next morning are two China days even though they are one UTC day.
        var late = new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.FromHours(8));
        Assert.Equal(2, ExactRules.UnregisteredMachinery([S(late), S(late.AddHours(1))]).Count());
    }

    [Fact]
    public void Rules_are_deterministic_so_a_rerun_raises_the_same_flag_ids()
    {
        var a = P("冀B12345", "G01", 1, T0);
        var b = P("冀B12345", "G02", 1, T0.AddSeconds(70));
        Assert.Equal(Rules.ClonedPlates([a, b]).Single().FlagId, Rules.ClonedPlates([b, a]).Single().FlagId);
    }
}
