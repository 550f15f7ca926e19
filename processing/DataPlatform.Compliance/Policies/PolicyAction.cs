namespace DataPlatform.Compliance.Policies;

public enum PolicyAction
{
    /// <summary>禁止通行.</summary>
    Deny = 1,

    /// <summary>放行但告警: a plant may first watch a new rule before it starts turning trucks away.</summary>
    AlertOnly = 2,
}
