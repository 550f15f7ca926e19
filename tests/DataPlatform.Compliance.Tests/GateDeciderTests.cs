using DataPlatform.Compliance.Decisions;
using DataPlatform.Compliance.Policies;
using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Compliance.Tests;

public sealed class GateDeciderTests
{
    private static GateDecision Decide(GateEvent e, PolicySet? policies = null, DateTimeOffset? now = null,
        GateDeciderOptions? options = null, VehicleRegistry? registry = null) =>
        GateDecider.Decide(e, registry ?? Registry, policies ?? OrangePolicies, now ?? Now, options ?? GateDeciderOptions.Default);

    [Fact]
    public void Guo4_heavy_truck_under_orange_alert_is_denied_by_the_policy()
    {
        var decision = Decide(Entry("冀B12345"));
        Assert.Equal(GateOutcome.Deny, decision.Outcome);
        Assert.Equal("policy:" + OrangePolicyId, decision.Rule.Id);
        Assert.Equal("橙色预警(II级响应)：禁止国四及以下重型柴油货车进入", decision.Rule.Description);
        Assert.Equal("冀B12345 国四 橙色预警管控中 禁止通行", decision.DisplayText);
    }

    [Fact]
    public void Guo6_truck_under_orange_alert_is_allowed()
    {
        var decision = Decide(Entry("冀B67890"));
        Assert.Equal(GateOutcome.Allow, decision.Outcome);
        Assert.Equal(GateRules.DefaultAllow, decision.Rule);
        Assert.Equal("冀B67890 国六b 橙色预警管控中 允许通行", decision.DisplayText);
    }

    [Fact]
    public void Electric_heavy_truck_passes_a_nev_only_policy_that_stops_guo6()
    {
        var policies = PolicySetOf(new AddPolicy(OrangePolicy(nevOnly: true, minimum: EmissionStage.Guo6), Now.AddHours(-1)));
        Assert.Equal(GateOutcome.Allow, Decide(Entry("冀B12345D", PlateColor.YellowGreen), policies).Outcome);
        Assert.Equal(GateOutcome.Deny, Decide(Entry("冀B67890"), policies).Outcome);
    }

    [Fact]
    public void Livelihood_truck_is_exempt_and_the_exemption_is_named()
    {
        var decision = Decide(Entry("冀B88888"));
        Assert.Equal(GateOutcome.Allow, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.Contains("民生保障车辆", StringComparison.Ordinal));
    }

    [Fact]
    public void Livelihood_truck_is_denied_when_the_policy_grants_no_livelihood_exemption()
    {
        var policies = PolicySetOf(new AddPolicy(OrangePolicy(exemptions: ExemptionKinds.SpecialPurpose), Now.AddHours(-1)));
        Assert.Equal(GateOutcome.Deny, Decide(Entry("冀B88888"), policies).Outcome);
    }

    [Fact]
    public void Light_truck_is_outside_the_heavy_truck_scope_but_inside_all_road_goods()
    {
        Assert.Equal(GateOutcome.Allow, Decide(Entry("冀B55555", PlateColor.Blue, "H31")).Outcome);
        var allGoods = PolicySetOf(new AddPolicy(OrangePolicy(scope: PolicyScope.AllRoadGoods), Now.AddHours(-1)));
        Assert.Equal(GateOutcome.Deny, Decide(Entry("冀B55555", PlateColor.Blue, "H31"), allGoods).Outcome);
    }

    [Fact]
    public void Outside_the_validity_window_the_policy_does_not_apply()
    {
        var before = new DateTimeOffset(2026, 11, 27, 23, 59, 59, China);
        var decision = Decide(Entry("冀B12345"), now: before);
        Assert.Equal(GateOutcome.Allow, decision.Outcome);
        Assert.Equal("冀B12345 国四 常态 允许通行", decision.DisplayText);
        // ValidTo is exclusive.
        Assert.Equal(GateOutcome.Allow, Decide(Entry("冀B12345"), now: new DateTimeOffset(2026, 11, 30, 0, 0, 0, China)).Outcome);
        Assert.Equal(GateOutcome.Deny, Decide(Entry("冀B12345"), now: new DateTimeOffset(2026, 11, 29, 23, 59, 59, China)).Outcome);
    }

    [Fact]
    public void A_policy_of_another_enterprise_does_not_apply()
    {
        var decision = Decide(Entry("冀B12345", enterprise: OtherEnterprise));
        Assert.Equal(GateOutcome.Allow, decision.Outcome);
    }

    [Fact]
    public void Blacklist_denies_even_a_compliant_truck_until_removed_and_keeps_history()
    {
        var listed = new BlacklistEntry(null, Key("冀B67890"), "尾气检测超标", Now.AddDays(-3));
        var policies = OrangePolicies.Apply(new AddBlacklistEntry(listed, Now.AddDays(-3))).Policies;
        var decision = Decide(Entry("冀B67890"), policies);
        Assert.Equal(GateOutcome.Deny, decision.Outcome);
        Assert.Equal(GateRules.Blacklist, decision.Rule);
        Assert.Contains(decision.Reasons, r => r.Contains("尾气检测超标", StringComparison.Ordinal));

        var removed = policies.Apply(new RemoveBlacklistEntry(null, Key("冀B67890"), Now.AddMinutes(-5), Now.AddMinutes(-5))).Policies;
        Assert.Equal(GateOutcome.Allow, Decide(Entry("冀B67890"), removed).Outcome);
        // Replaying a decision for a time before the removal still sees the listing.
        Assert.Equal(GateOutcome.Deny, Decide(Entry("冀B67890"), removed, now: Now.AddHours(-1)).Outcome);
    }

    [Fact]
    public void Blacklist_matches_an_unknown_colour_read_but_not_another_known_colour()
    {
        var policies = PolicySetOf(new AddBlacklistEntry(new BlacklistEntry(Enterprise, Key("冀B67890"), "套牌嫌疑", Now.AddDays(-1)), Now));
        Assert.Equal(GateOutcome.Deny, Decide(Entry("冀B67890", PlateColor.Unknown), policies).Outcome);
        Assert.NotEqual(GateRules.Blacklist, Decide(Entry("冀B67890", PlateColor.Blue), policies).Rule);
    }

    [Fact]
    public void Hazmat_tanker_needs_a_booking_even_when_exempt_from_the_policy()
    {
        var denied = Decide(Entry("冀EW1234", type: "H14"));
        Assert.Equal(GateOutcome.Deny, denied.Outcome);
        Assert.Equal(GateRules.HazmatWithoutBooking, denied.Rule);

        var booking = new Booking("YY20261128-0042", Enterprise, Key("冀EW1234"), Now.AddHours(-1), Now.AddHours(3), "液氨", false);
        var booked = OrangePolicies.Apply(new AddBooking(booking, Now.AddDays(-1))).Policies;
        Assert.Equal(GateOutcome.Allow, Decide(Entry("冀EW1234", type: "H14"), booked).Outcome);
        // The booking window matters.
        Assert.Equal(GateOutcome.Deny, Decide(Entry("冀EW1234", type: "H14"), booked, now: Now.AddHours(4)).Outcome);
    }

    [Fact]
    public void A_whitelist_booking_exempts_a_guo4_truck_but_a_plain_booking_does_not()
    {
        var plain = new Booking("YY-1", Enterprise, Key("冀B12345"), Now.AddHours(-1), Now.AddHours(1), "铁矿石", false);
        Assert.Equal(GateOutcome.Deny, Decide(Entry("冀B12345"), OrangePolicies.Apply(new AddBooking(plain, Now)).Policies).Outcome);

        var whitelist = plain with { Id = "YY-2", WhitelistEffect = true };
        var decision = Decide(Entry("冀B12345"), OrangePolicies.Apply(new AddBooking(whitelist, Now)).Policies);
        Assert.Equal(GateOutcome.Allow, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.Contains("预约白名单 YY-2", StringComparison.Ordinal));
    }

    [Fact]
    public void Policy_whitelist_matches_plate_and_colour_exactly()
    {
        var policy = OrangePolicy(whitelist: new HashSet<VehicleKey> { Key("冀B12345") });
        var policies = PolicySetOf(new AddPolicy(policy, Now));
        Assert.Equal(GateOutcome.Allow, Decide(Entry("冀B12345"), policies).Outcome);
        var blue = Truck("冀B12345", EmissionStage.Guo4, PlateColor.Blue);
        Assert.Equal(GateOutcome.Deny,
            Decide(Entry("冀B12345", PlateColor.Blue), policies, registry: Registry.With(blue)).Outcome);
    }

    [Fact]
    public void Unknown_vehicle_is_manual_during_a_policy_and_allowed_otherwise()
    {
        var during = Decide(Entry("冀C11111"));
        Assert.Equal(GateOutcome.Manual, during.Outcome);
        Assert.Equal(GateRules.UnknownVehicle, during.Rule);
        Assert.Equal("冀C11111 未登记 橙色预警管控中 人工核验", during.DisplayText);

        Assert.Equal(GateOutcome.Allow, Decide(Entry("冀C11111"), PolicySet.Empty).Outcome);
        // A bus is out of a heavy-truck policy's scope even when unknown.
        Assert.Equal(GateOutcome.Allow, Decide(Entry("冀C11111", PlateColor.Blue, "K11")).Outcome);
        // Without a camera type the policy could apply.
        Assert.Equal(GateOutcome.Manual, Decide(Entry("冀C11111", type: null)).Outcome);
    }

    [Theory]
    [InlineData(UnknownVehicleHandling.ManualDuringActivePolicy, GateOutcome.Manual, GateOutcome.Allow)]
    [InlineData(UnknownVehicleHandling.DenyDuringActivePolicy, GateOutcome.Deny, GateOutcome.Allow)]
    [InlineData(UnknownVehicleHandling.AlwaysManual, GateOutcome.Manual, GateOutcome.Manual)]
    [InlineData(UnknownVehicleHandling.AlwaysAllow, GateOutcome.Allow, GateOutcome.Allow)]
    public void Unknown_vehicle_handling_is_an_option(UnknownVehicleHandling handling, GateOutcome during, GateOutcome calm)
    {
        var options = new GateDeciderOptions(handling);
        Assert.Equal(during, Decide(Entry("冀C11111"), options: options).Outcome);
        Assert.Equal(calm, Decide(Entry("冀C11111"), PolicySet.Empty, options: options).Outcome);
    }

    [Fact]
    public void Alert_only_policy_allows_but_reports_the_violation()
    {
        var policies = PolicySetOf(new AddPolicy(OrangePolicy(action: PolicyAction.AlertOnly), Now));
        var decision = Decide(Entry("冀B12345"), policies);
        Assert.Equal(GateOutcome.Allow, decision.Outcome);
        Assert.Equal("policy:" + OrangePolicyId, decision.Rule.Id);
        Assert.Contains(decision.Reasons, r => r.StartsWith("仅告警", StringComparison.Ordinal));
    }

    [Fact]
    public void Standing_plan_applies_only_while_the_declared_alert_reaches_its_level()
    {
        var standing = OrangePolicy(requiresDeclaredAlert: true, from: Now.AddDays(-60), to: Now.AddDays(60));
        var policies = PolicySetOf(new AddPolicy(standing, Now.AddDays(-60)));
        Assert.Equal(GateOutcome.Allow, Decide(Entry("冀B12345"), policies).Outcome);

        var yellow = policies.Apply(new SetAlertLevel(Enterprise, AlertLevel.Yellow, Now.AddHours(-2), Now.AddHours(-2))).Policies;
        var yellowDecision = Decide(Entry("冀B12345"), yellow);
        Assert.Equal(GateOutcome.Allow, yellowDecision.Outcome);
        Assert.Equal("冀B12345 国四 黄色预警 允许通行", yellowDecision.DisplayText);

        var orange = yellow.Apply(new SetAlertLevel(Enterprise, AlertLevel.Orange, Now.AddHours(-1), Now.AddHours(-1))).Policies;
        Assert.Equal(GateOutcome.Deny, Decide(Entry("冀B12345"), orange).Outcome);

        var lifted = orange.Apply(new SetAlertLevel(Enterprise, null, Now.AddMinutes(-1), Now.AddMinutes(-1))).Policies;
        Assert.Equal(GateOutcome.Allow, Decide(Entry("冀B12345"), lifted).Outcome);
        // History: at the time the orange alert was on, the plan applied.
        Assert.Equal(GateOutcome.Deny, Decide(Entry("冀B12345"), lifted, now: Now.AddMinutes(-30)).Outcome);
    }

    [Fact]
    public void Non_road_policy_stops_old_machinery_and_ignores_trucks()
    {
        var loader = Truck("冀B3C456", EmissionStage.Guo2, type: "X99") with { MachineryKind = NonRoadMachineryKind.Loader };
        var registry = Registry.With(loader);
        var policies = PolicySetOf(new AddPolicy(OrangePolicy(id: "NR", scope: PolicyScope.NonRoad, minimum: EmissionStage.Guo3), Now));
        Assert.Equal(GateOutcome.Deny, Decide(Entry("冀B3C456", type: null), policies, registry: registry).Outcome);
        Assert.Equal(GateOutcome.Allow, Decide(Entry("冀B12345"), policies, registry: registry).Outcome);
    }

    [Fact]
    public void Exit_is_allowed_when_weighed_and_booking_closed_and_manual_otherwise()
    {
        var exit = Entry("冀B12345", direction: Direction.Out);
        var ok = GateDecider.DecideExit(exit, Registry, OrangePolicies, new TripState(true, true, true, true), Now);
        Assert.Equal(GateOutcome.Allow, ok.Outcome);
        Assert.Equal(GateRules.ExitCondition, ok.Rule);

        var open = GateDecider.DecideExit(exit, Registry, OrangePolicies, new TripState(true, true, true, false), Now);
        Assert.Equal(GateOutcome.Manual, open.Outcome);
        Assert.Contains(open.Reasons, r => r.Contains("预约未关闭", StringComparison.Ordinal));
        Assert.Equal("冀B12345 国四 橙色预警管控中 人工核验", open.DisplayText);

        // Decide without trip state cannot know the exit condition: a guard looks.
        Assert.Equal(GateOutcome.Manual, Decide(exit).Outcome);
    }

    [Fact]
    public void Exit_check_lists_every_missing_condition()
    {
        var result = ExitCheck.Check(TripState.Unknown with { HasBooking = true });
        Assert.False(result.Passed);
        Assert.Equal(["无入厂记录", "未完成过磅", "预约未关闭"], result.Missing);
        Assert.True(ExitCheck.Check(new TripState(true, true, false, false)).Passed);
        Assert.True(ExitCheck.Check(new TripState(true, false, false, false), new ExitRequirements(RequireWeighing: false)).Passed);
    }
}
