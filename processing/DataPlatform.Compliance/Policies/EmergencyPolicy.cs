using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;

namespace DataPlatform.Compliance.Policies;

/// <summary>One emergency measure (应急减排措施 / 一企一策 item) as data (spec §3, §2.8).</summary>
/// <remarks>
/// <para><paramref name="Id"/>: Unique across the policy set; re-adding the same id replaces the measure (regulators
/// re-send).</para>
/// <para><paramref name="ValidFrom"/>: Inclusive.</para>
/// <para><paramref name="ValidTo"/>: Exclusive, so back-to-back measures never overlap by one instant.</para>
/// <para><paramref name="MinimumStage"/>: Vehicles whose stage <c>IsAtLeast</c> this pass: "禁止国四及以下" is 国五.</para>
/// <para><paramref name="NevOnly"/>: Only new-energy (stage D) vehicles pass, whatever <paramref name="MinimumStage"/>
/// says.</para>
/// <para><paramref name="WhitelistPlates"/>: Plates the policy names; they count only when
/// <paramref name="Exemptions"/> includes <see cref="ExemptionKinds.Whitelist"/>, and match plate + colour
/// exactly.</para>
/// <para><paramref name="RuleText"/>: The measure's own wording, e.g. "禁止国四及以下重型柴油货车进入"; shown to operators.</para>
/// <para><paramref name="RequiresDeclaredAlert"/>: A standing plan ("at orange, do X") kept in force for a whole season
/// is active only while the enterprise's declared alert level (<see cref="SetAlertLevel"/>) is at least
/// <paramref name="Level"/>; a regulator's time-windowed measure (false) is active for its whole window.</para>
/// </remarks>
public sealed record EmergencyPolicy(
    string Id,
    string EnterpriseId,
    AlertLevel Level,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidTo,
    PolicyScope Scope,
    EmissionStage MinimumStage,
    bool NevOnly,
    ExemptionKinds Exemptions,
    IReadOnlySet<VehicleKey> WhitelistPlates,
    PolicyAction Action,
    string RuleText,
    bool RequiresDeclaredAlert = false)
{
    public bool IsInWindow(DateTimeOffset now) => ValidFrom <= now && now < ValidTo;

    /// <summary>The Chinese description used when this policy fires: the rule text, prefixed by the alert level.</summary>
    public string Description => $"{Level.ChineseName}预警({Level.ResponseLevelName}响应)：{RuleText}";

    /// <summary>The rule id reported in gate decisions.</summary>
    public string RuleId => "policy:" + Id;
}
