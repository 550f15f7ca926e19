namespace DataPlatform.Compliance.Policies;

/// <summary>The kinds of vehicle a policy lets through regardless of stage (spec §3).</summary>
[Flags]
public enum ExemptionKinds
{
    None = 0,

    /// <summary>特种/专用车辆.</summary>
    SpecialPurpose = 1,

    /// <summary>危化品车辆 (使用性质 R); they still need a booking (hazmat rule).</summary>
    Hazmat = 2,

    /// <summary>民生保障车辆.</summary>
    Livelihood = 4,

    /// <summary>白名单: plates listed on the policy, or a booking with whitelist effect.</summary>
    Whitelist = 8,

    All = SpecialPurpose | Hazmat | Livelihood | Whitelist,
}
