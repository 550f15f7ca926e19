using DataPlatform.Compliance.Policies;

namespace DataPlatform.Compliance.Tests;

public sealed class PolicySetTests
{
    [Fact]
    public void Apply_returns_a_new_version_and_leaves_the_old_snapshot_untouched()
    {
        var before = PolicySet.Empty;
        var result = before.Apply(new AddPolicy(OrangePolicy(), Now.AddHours(-3)));
        Assert.True(result.Changed);
        Assert.Equal(1, result.Policies.Version);
        Assert.Equal(Now.AddHours(-3), result.Policies.AsOf);
        Assert.Contains("禁止国四及以下重型柴油货车进入", result.Message, StringComparison.Ordinal);
        Assert.Empty(before.Policies);
        Assert.Equal(0, before.Version);
        Assert.Single(result.Policies.ActivePolicies(Enterprise, Now));
    }

    [Fact]
    public void Re_adding_a_policy_id_replaces_it_and_removing_it_ends_it()
    {
        var set = PolicySetOf(
            new AddPolicy(OrangePolicy(), Now.AddHours(-3)),
            new AddPolicy(OrangePolicy(minimum: EmissionStage.Guo6), Now.AddHours(-2)));
        Assert.Equal(EmissionStage.Guo6, Assert.Single(set.Policies).MinimumStage);
        var removed = set.Apply(new RemovePolicy(OrangePolicyId, Now.AddHours(-1)));
        Assert.True(removed.Changed);
        Assert.Empty(removed.Policies.ActivePolicies(Enterprise, Now));
        Assert.Equal(3, removed.Policies.Version);
    }

    [Fact]
    public void Invalid_or_ineffective_commands_are_rejected_without_a_new_version()
    {
        var set = OrangePolicies;
        var inverted = set.Apply(new AddPolicy(OrangePolicy(id: "bad", from: Now, to: Now), Now));
        Assert.False(inverted.Changed);
        Assert.Same(set, inverted.Policies);
        Assert.False(set.Apply(new RemovePolicy("no-such-policy", Now)).Changed);
        Assert.False(set.Apply(new CancelBooking("no-such-booking", Now)).Changed);
        Assert.False(set.Apply(new RemoveBlacklistEntry(null, Key("冀B12345"), Now, Now)).Changed);
        Assert.False(set.Apply(new AddBooking(new Booking("b", Enterprise, Key("冀B12345"), Now, Now.AddHours(-1), null, false), Now)).Changed);
    }

    [Fact]
    public void Active_policies_put_deny_before_alert_only_and_severe_before_mild()
    {
        var set = PolicySetOf(
            new AddPolicy(OrangePolicy(id: "a-alert", action: PolicyAction.AlertOnly) with { Level = AlertLevel.Red }, Now),
            new AddPolicy(OrangePolicy(id: "b-yellow") with { Level = AlertLevel.Yellow }, Now),
            new AddPolicy(OrangePolicy(id: "c-red") with { Level = AlertLevel.Red }, Now),
            new AddPolicy(OrangePolicy(id: "d-expired", to: Now.AddSeconds(-1)), Now));
        Assert.Equal(["c-red", "b-yellow", "a-alert"], set.ActivePolicies(Enterprise, Now).Select(p => p.Id));
    }

    [Fact]
    public void Declared_alert_level_follows_the_latest_declaration_at_the_given_time()
    {
        var set = PolicySetOf(
            new SetAlertLevel(Enterprise, AlertLevel.Yellow, Now.AddHours(-5), Now.AddHours(-5)),
            new SetAlertLevel(Enterprise, AlertLevel.Red, Now.AddHours(-1), Now.AddHours(-1)),
            new SetAlertLevel(Enterprise, null, Now.AddHours(2), Now));
        Assert.Null(set.DeclaredAlertLevel(Enterprise, Now.AddHours(-6)));
        Assert.Equal(AlertLevel.Yellow, set.DeclaredAlertLevel(Enterprise, Now.AddHours(-2)));
        Assert.Equal(AlertLevel.Red, set.DeclaredAlertLevel(Enterprise, Now));
        Assert.Null(set.DeclaredAlertLevel(Enterprise, Now.AddHours(3)));
        Assert.Null(set.DeclaredAlertLevel(OtherEnterprise, Now));
    }

    [Fact]
    public void Bookings_are_matched_by_enterprise_plate_colour_and_window()
    {
        var booking = new Booking("YY-7", Enterprise, Key("冀B12345"), Now.AddHours(-1), Now.AddHours(1), "焦炭", false);
        var set = PolicySetOf(new AddBooking(booking, Now));
        Assert.Single(set.ActiveBookings(Enterprise, Key("冀B12345"), Now));
        Assert.Empty(set.ActiveBookings(OtherEnterprise, Key("冀B12345"), Now));
        Assert.Empty(set.ActiveBookings(Enterprise, Key("冀B12345", Gate.PlateColor.Blue), Now));
        Assert.Empty(set.ActiveBookings(Enterprise, Key("冀B12345"), Now.AddHours(1)));
        var cancelled = set.Apply(new CancelBooking("YY-7", Now)).Policies;
        Assert.Empty(cancelled.ActiveBookings(Enterprise, Key("冀B12345"), Now));
    }
}
