using DataPlatform.Compliance.Policies;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;

namespace DataPlatform.Compliance.Decisions;

/// <summary>The gate decision as a pure function of (event, registry, policies, time): no clock, no I/O, so the
/// gate decides locally with its last snapshots when upstream is down, and a decision can be replayed.
/// <para>Entry rules, first match wins:</para>
/// <list type="number">
/// <item>Blacklist (plate + colour, enterprise or platform-wide, listed at <c>now</c>) → deny.</item>
/// <item>Active emergency policies of the event's enterprise at <c>now</c> (deny policies first, most severe level
/// first): a vehicle in the policy's scope, not exempt, below the minimum stage (or not electric under NEV-only)
/// → deny (alert-only policies are noted and evaluation continues). Exemptions used are named in the reasons.</item>
/// <item>Hazmat: a registered 使用性质 R vehicle needs an active booking → else deny.</item>
/// <item>Unknown vehicle (not in the registry): per <see cref="UnknownVehicleHandling"/>; by default manual while
/// a deny policy that could apply to it is active.</item>
/// <item>Allow (reporting the first alert-only violation as the fired rule, if any).</item>
/// </list>
/// Exits are not subject to entry rules: a vehicle inside must be able to leave.
/// <see cref="DecideExit(GateEvent, VehicleRegistry, PolicySet, TripState, DateTimeOffset)"/> applies
/// <see cref="ExitCheck"/> instead, and sends a failed exit to a manual check rather than trapping the truck.</summary>
public static class GateDecider
{
    public static GateDecision Decide(GateEvent e, VehicleRegistry registry, PolicySet policies, DateTimeOffset now) =>
        Decide(e, registry, policies, now, GateDeciderOptions.Default);

    /// <summary>Without trip data an exit goes to a manual check (<see cref="TripState.Unknown"/>).</summary>
    public static GateDecision Decide(
        GateEvent e, VehicleRegistry registry, PolicySet policies, DateTimeOffset now, GateDeciderOptions options) =>
        Decide(e, registry, policies, TripState.Unknown, now, options);

    /// <summary>The decision as a pure function of (event, registry, policies, trip state, time): entries by the
    /// entry rules (the trip state is not consulted), exits by
    /// <see cref="DecideExit(GateEvent, VehicleRegistry, PolicySet, TripState, DateTimeOffset)"/> with
    /// <paramref name="trip"/>.</summary>
    public static GateDecision Decide(
        GateEvent e, VehicleRegistry registry, PolicySet policies, TripState trip, DateTimeOffset now, GateDeciderOptions options)
    {
        if (e.Direction == Direction.Out)
            return DecideExit(e, registry, policies, trip, now);

        var vehicle = registry.Find(e.Plate, e.PlateColor);
        var active = policies.ActivePolicies(e.EnterpriseId, now);
        var display = new DisplayContext(e.Plate.Text, StageText(vehicle), ControlStatus(active, policies, e.EnterpriseId, now));
        var reasons = new List<string>();

        // 1. Blacklist.
        if (policies.FindBlacklisting(e.EnterpriseId, e.Plate, e.PlateColor, now) is { } listed)
        {
            reasons.Add($"黑名单：{listed.Reason}（列入时间 {ChinaTime.From(listed.ListedAt):yyyy-MM-dd HH:mm}）");
            return display.Decision(GateOutcome.Deny, GateRules.Blacklist, reasons);
        }

        // 2. Emergency policies.
        var key = new VehicleKey(e.Plate, e.PlateColor);
        var bookings = policies.ActiveBookings(e.EnterpriseId, key, now);
        EmergencyPolicy? firstAlertOnly = null;
        EmergencyPolicy? blocksUnknown = null;
        foreach (var policy in active)
        {
            var inScope = InScope(policy.Scope, vehicle, e.VehicleType);
            if (inScope == false)
                continue;
            if (Exemption(policy, vehicle, key, bookings) is { } exemption)
            {
                reasons.Add($"豁免（{exemption}）：{policy.Description}");
                continue;
            }
            if (vehicle is null)
            {
                if (policy.Action == PolicyAction.Deny)
                    blocksUnknown ??= policy;
                continue;
            }
            if (Complies(policy, vehicle))
                continue;
            if (policy.Action == PolicyAction.Deny)
            {
                reasons.Add($"{StageText(vehicle)}不满足管控要求：{policy.Description}");
                return display.Decision(GateOutcome.Deny, new FiredRule(policy.RuleId, policy.Description), reasons);
            }
            reasons.Add($"仅告警：{StageText(vehicle)}不满足管控要求：{policy.Description}");
            firstAlertOnly ??= policy;
        }

        // 3. Hazmat.
        if (vehicle is { IsHazmat: true } && options.HazmatRequiresBooking && bookings.Count == 0)
        {
            reasons.Add("危险品运输车辆无有效预约");
            return display.Decision(GateOutcome.Deny, GateRules.HazmatWithoutBooking, reasons);
        }

        // 4. Unknown vehicle.
        if (vehicle is null)
        {
            var outcome = options.UnknownVehicle switch
            {
                UnknownVehicleHandling.AlwaysManual => GateOutcome.Manual,
                UnknownVehicleHandling.AlwaysAllow => GateOutcome.Allow,
                UnknownVehicleHandling.ManualDuringActivePolicy when blocksUnknown is not null => GateOutcome.Manual,
                UnknownVehicleHandling.DenyDuringActivePolicy when blocksUnknown is not null => GateOutcome.Deny,
                _ => GateOutcome.Allow,
            };
            if (outcome != GateOutcome.Allow)
            {
                reasons.Add(blocksUnknown is null
                    ? "车辆未登记"
                    : $"车辆未登记，无法核实排放阶段：{blocksUnknown.Description}");
                return display.Decision(outcome, GateRules.UnknownVehicle, reasons);
            }
            reasons.Add("车辆未登记");
        }

        // 5. Allow.
        return firstAlertOnly is not null
            ? display.Decision(GateOutcome.Allow, new FiredRule(firstAlertOnly.RuleId, firstAlertOnly.Description), reasons)
            : display.Decision(GateOutcome.Allow, GateRules.DefaultAllow, reasons);
    }

    /// <summary>An exit: allowed when <see cref="ExitCheck"/> passes, otherwise a manual check (never a plain deny:
    /// the guard resolves the missing weighing or booking).</summary>
    public static GateDecision DecideExit(
        GateEvent e, VehicleRegistry registry, PolicySet policies, TripState state, DateTimeOffset now) =>
        DecideExit(e, registry, policies, state, now, ExitRequirements.Default);

    public static GateDecision DecideExit(
        GateEvent e, VehicleRegistry registry, PolicySet policies, TripState state, DateTimeOffset now,
        ExitRequirements requirements)
    {
        var vehicle = registry.Find(e.Plate, e.PlateColor);
        var active = policies.ActivePolicies(e.EnterpriseId, now);
        var display = new DisplayContext(e.Plate.Text, StageText(vehicle), ControlStatus(active, policies, e.EnterpriseId, now));
        var check = ExitCheck.Check(state, requirements);
        return check.Passed
            ? display.Decision(GateOutcome.Allow, GateRules.ExitCondition, [])
            : display.Decision(GateOutcome.Manual, GateRules.ExitCondition, [.. check.Missing.Select(m => "出厂条件未满足：" + m)]);
    }

    /// <summary>true / false, or null when the vehicle is unknown and the camera's type cannot settle it (then
    /// the policy could apply).</summary>
    internal static bool? InScope(PolicyScope scope, RegisteredVehicle? vehicle, VehicleType? cameraType)
    {
        if (vehicle is not null)
        {
            // A registered vehicle with no type recorded is judged as if in scope: missing data must not exempt.
            var typeKnown = vehicle.VehicleType.Code.Length > 0;
            return scope switch
            {
                PolicyScope.HeavyTruck => !vehicle.IsInPlant && !vehicle.IsNonRoad
                                          && (!typeKnown || (vehicle.IsRoadGoodsVehicle && vehicle.VehicleType.IsHeavyGoodsVehicle)),
                PolicyScope.AllRoadGoods => !vehicle.IsInPlant && !vehicle.IsNonRoad && (!typeKnown || vehicle.IsRoadGoodsVehicle),
                PolicyScope.InPlant => vehicle.IsInPlant,
                PolicyScope.NonRoad => vehicle.IsNonRoad,
                _ => true,
            };
        }
        return (scope, cameraType) switch
        {
            (PolicyScope.InPlant, _) => false,
            (PolicyScope.NonRoad, null) => null,
            (PolicyScope.NonRoad, _) => false,
            (_, null) => null,
            (PolicyScope.HeavyTruck, { } type) => type.IsHeavyGoodsVehicle,
            (PolicyScope.AllRoadGoods, { } type) => type.Family is 'H' or 'Q' or 'B' or 'G',
            _ => null,
        };
    }

    /// <summary>The exemption that lets this vehicle past this policy, named for the reasons; null if none.</summary>
    internal static string? Exemption(
        EmergencyPolicy policy, RegisteredVehicle? vehicle, VehicleKey key, IReadOnlyList<Booking> bookings)
    {
        var kinds = policy.Exemptions;
        if (kinds.HasFlag(ExemptionKinds.Whitelist))
        {
            if (policy.WhitelistPlates.Contains(key))
                return "白名单车辆";
            if (bookings.FirstOrDefault(b => b.WhitelistEffect) is { } booking)
                return $"预约白名单 {booking.Id}";
        }
        if (vehicle is null)
            return null;
        if (kinds.HasFlag(ExemptionKinds.SpecialPurpose) && vehicle.IsSpecialPurpose)
            return "特种车辆";
        if (kinds.HasFlag(ExemptionKinds.Livelihood) && vehicle.IsLivelihood)
            return "民生保障车辆";
        if (kinds.HasFlag(ExemptionKinds.Hazmat) && vehicle.IsHazmat)
            return "危险品运输车辆";
        return null;
    }

    internal static bool Complies(EmergencyPolicy policy, RegisteredVehicle vehicle) =>
        policy.NevOnly ? vehicle.Stage == EmissionStage.Electric : vehicle.Stage.IsAtLeast(policy.MinimumStage);

    private static string StageText(RegisteredVehicle? vehicle) => vehicle?.Stage.ChineseName ?? "未登记";

    private static string ControlStatus(
        IReadOnlyList<EmergencyPolicy> active, PolicySet policies, string enterpriseId, DateTimeOffset now)
    {
        if (active.Count > 0)
            return $"{active.Max(p => p.Level).ChineseName}预警管控中";
        return policies.DeclaredAlertLevel(enterpriseId, now) is { } declared ? $"{declared.ChineseName}预警" : "常态";
    }

    private sealed record DisplayContext(string Plate, string Stage, string ControlStatus)
    {
        public GateDecision Decision(GateOutcome outcome, FiredRule rule, IReadOnlyList<string> reasons) =>
            new(outcome, rule, new GateDisplay(Plate, Stage, ControlStatus, outcome), reasons);
    }
}
