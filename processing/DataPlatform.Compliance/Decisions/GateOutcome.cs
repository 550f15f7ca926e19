namespace DataPlatform.Compliance.Decisions;

public enum GateOutcome
{
    /// <summary>允许通行: open the barrier.</summary>
    Allow = 1,

    /// <summary>禁止通行: keep the barrier down.</summary>
    Deny = 2,

    /// <summary>人工核验: the guard decides; the rules cannot.</summary>
    Manual = 3,
}
