using DataPlatform.Compliance.Decisions;
using DataPlatform.Compliance.Policies;
using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Compliance.Tests;

public sealed class GateDecisionProperties
{
    /// <summary>A registered vehicle arriving at the enterprise under one target policy, among other vehicles,
    /// other active policies of the same enterprise, and bookings.</summary>
    public sealed record Scenario(
        RegisteredVehicle Vehicle,
        IReadOnlyList<RegisteredVehicle> Others,
        EmergencyPolicy Target,
        IReadOnlyList<EmergencyPolicy> OtherPolicies,
        IReadOnlyList<Booking> Bookings,
        bool CameraKnowsType)
    {
        public VehicleRegistry Registry => VehicleRegistry.Create(
            new[] { Vehicle }.Concat(Others).DistinctBy(v => v.Key));

        public PolicySet Policies => PolicySet.From(
            OtherPolicies.Prepend(Target).Select(p => (PolicyCommand)new AddPolicy(p, Now.AddDays(-1)))
                .Concat(Bookings.Select(b => new AddBooking(b, Now.AddDays(-1)))));

        public GateEvent Event => Entry(Vehicle.Plate.Text, Vehicle.PlateColor,
            CameraKnowsType ? Vehicle.VehicleType.Code : null);

        public override string ToString() =>
            $"{Vehicle} | target {Target} wl[{string.Join(",", Target.WhitelistPlates)}] | others {OtherPolicies.Count} | bookings {string.Join(",", Bookings)}";
    }

    private static Gen<Booking> BookingGen(RegisteredVehicle v) =>
        from whitelist in Gen.Elements(true, false)
        from active in Gen.Elements(true, false)
        from id in Gens.Chars("xyz789", 3)
        select new Booking("b-" + id, Enterprise, v.Key, active ? Now.AddHours(-1) : Now.AddHours(1),
            active ? Now.AddHours(2) : Now.AddHours(3), "焦炭", whitelist);

    private static readonly Gen<Scenario> ScenarioGen =
        from vehicle in Gens.Vehicle
        from others in Gen.ListOf(Gens.Vehicle)
        from target in Gens.ActivePolicy(Enterprise, [vehicle.Key, .. others.Take(2).Select(o => o.Key)])
        from otherPolicies in Gen.ListOf(Gens.ActivePolicy(Enterprise, []))
        from bookingCount in Gen.Choose(0, 2)
        from bookings in Gen.ArrayOf(BookingGen(vehicle), bookingCount)
        from cameraKnowsType in Gen.Elements(true, false)
        select new Scenario(vehicle, others.Where(o => o.Key != vehicle.Key).ToList(), target,
            otherPolicies.Where(p => p.Id != target.Id).DistinctBy(p => p.Id).ToList(), bookings, cameraKnowsType);

    // Independent oracle of the policy semantics, written from the spec rather than from GateDecider.
    private static bool InScope(PolicyScope scope, RegisteredVehicle v) => scope switch
    {
        PolicyScope.HeavyTruck => !v.IsInPlant && !v.IsNonRoad && v.VehicleType.Code is ['H' or 'Q', '1', ..],
        PolicyScope.AllRoadGoods => !v.IsInPlant && !v.IsNonRoad && v.VehicleType.Family is 'H' or 'Q' or 'B' or 'G',
        PolicyScope.InPlant => v.Flags.HasFlag(VehicleFlags.InPlant),
        PolicyScope.NonRoad => v.MachineryKind is not null,
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    private static bool BelowPermitted(EmergencyPolicy p, RegisteredVehicle v) =>
        p.NevOnly ? v.Stage != EmissionStage.Electric : v.Stage < p.MinimumStage;

    private static bool Exempt(EmergencyPolicy p, RegisteredVehicle v, IEnumerable<Booking> bookings) =>
        (p.Exemptions.HasFlag(ExemptionKinds.SpecialPurpose) && (v.Flags.HasFlag(VehicleFlags.SpecialPurpose) || v.VehicleType.Family == 'Z'))
        || (p.Exemptions.HasFlag(ExemptionKinds.Livelihood) && v.Flags.HasFlag(VehicleFlags.Livelihood))
        || (p.Exemptions.HasFlag(ExemptionKinds.Hazmat) && v.UseNature == UseNature.DangerousGoods)
        || (p.Exemptions.HasFlag(ExemptionKinds.Whitelist)
            && (p.WhitelistPlates.Contains(v.Key) || bookings.Any(b => b.WhitelistEffect && b.IsActiveAt(Now))));

    [Property(MaxTest = 1000)]
    public Property No_vehicle_below_the_permitted_stage_is_allowed_unless_an_exemption_names_it() =>
        Prop.ForAll(ScenarioGen.ToArbitrary(), s =>
        {
            var decision = GateDecider.Decide(s.Event, s.Registry, s.Policies, Now);
            var violates = s.Target.Action == PolicyAction.Deny && InScope(s.Target.Scope, s.Vehicle)
                           && BelowPermitted(s.Target, s.Vehicle);
            if (violates && decision.Outcome == GateOutcome.Allow)
            {
                Assert.True(Exempt(s.Target, s.Vehicle, s.Bookings), $"allowed without exemption: {decision}");
                Assert.Contains(decision.Reasons, r => r.StartsWith("豁免", StringComparison.Ordinal) && r.Contains(s.Target.RuleText, StringComparison.Ordinal));
            }
            if (violates && !Exempt(s.Target, s.Vehicle, s.Bookings))
                Assert.Equal(GateOutcome.Deny, decision.Outcome);
        });

    /// <summary>Policies and blacklist entries that must not change a decision at <see cref="Now"/> for
    /// <see cref="Enterprise"/>: other enterprises, windows over or not yet begun, lifted blacklistings.</summary>
    private static Gen<PolicyCommand[]> UnrelatedCommands(RegisteredVehicle v) =>
        Gen.ListOf(Gen.OneOf(
            Gens.ActivePolicy(OtherEnterprise, [v.Key]).Select(p => (PolicyCommand)new AddPolicy(p with { Id = "o" + p.Id }, Now)),
            Gens.ActivePolicy(Enterprise, [v.Key]).Select(p => (PolicyCommand)new AddPolicy(
                p with { Id = "x" + p.Id, ValidFrom = Now.AddDays(-3), ValidTo = Now.AddDays(-1) }, Now)),
            Gens.ActivePolicy(Enterprise, [v.Key]).Select(p => (PolicyCommand)new AddPolicy(
                p with { Id = "f" + p.Id, ValidFrom = Now.AddSeconds(1), ValidTo = Now.AddDays(1) }, Now)),
            Gens.ActivePolicy(Enterprise, [v.Key]).Select(p => (PolicyCommand)new AddPolicy(
                p with { Id = "s" + p.Id, Level = AlertLevel.Red, RequiresDeclaredAlert = true }, Now)),
            Gen.Constant((PolicyCommand)new AddBlacklistEntry(
                new BlacklistEntry(OtherEnterprise, v.Key, "超标排放", Now.AddDays(-2)), Now)),
            Gen.Constant((PolicyCommand)new AddBlacklistEntry(
                new BlacklistEntry(null, v.Key, "已整改", Now.AddDays(-5), Now.AddDays(-4)), Now)),
            Gen.Constant((PolicyCommand)new AddBooking(
                new Booking("ob-1", OtherEnterprise, v.Key, Now.AddHours(-1), Now.AddHours(1), "煤", true), Now))))
        .Select(list => list.ToArray());

    [Property(MaxTest = 500)]
    public Property A_decision_is_a_pure_function_of_event_registry_policies_and_time() =>
        Prop.ForAll(ScenarioGen.SelectMany(s => UnrelatedCommands(s.Vehicle), (s, noise) => (s, noise)).ToArbitrary(), input =>
        {
            var (s, noise) = input;
            var policies = s.Policies;
            var first = GateDecider.Decide(s.Event, s.Registry, policies, Now);
            // Same inputs, rebuilt from scratch: same decision.
            Assert.Equal(first, GateDecider.Decide(s.Event, s.Registry, s.Policies, Now));
            // Unrelated policies of other enterprises, expired or future windows, an untriggered standing plan,
            // lifted or foreign blacklistings, foreign bookings: same decision.
            var noisy = noise.Aggregate(policies, (set, command) => set.Apply(command).Policies);
            Assert.Equal(first, GateDecider.Decide(s.Event, s.Registry, noisy, Now));
        });

    [Property(MaxTest = 500)]
    public Property The_display_text_always_contains_the_plate_and_the_outcome() =>
        Prop.ForAll(ScenarioGen.SelectMany(_ => Gen.Elements(Direction.In, Direction.Out), (s, d) => (s, d))
            .SelectMany(_ => Gen.Elements(true, false), (sd, registered) => (sd.s, sd.d, registered)).ToArbitrary(), input =>
        {
            var (s, direction, registered) = input;
            var e = s.Event with { Direction = direction };
            var decision = GateDecider.Decide(e, registered ? s.Registry : VehicleRegistry.Empty, s.Policies, Now);
            Assert.Contains(e.Plate.Text, decision.DisplayText, StringComparison.Ordinal);
            Assert.Contains(decision.Outcome.ChineseText, decision.DisplayText, StringComparison.Ordinal);
            Assert.Equal(decision.Outcome, decision.Display.Outcome);
            Assert.False(string.IsNullOrWhiteSpace(decision.Rule.Description));
        });
}
