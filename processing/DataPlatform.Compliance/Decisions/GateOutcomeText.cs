namespace DataPlatform.Compliance.Decisions;

public static class GateOutcomeText
{
    extension(GateOutcome outcome)
    {
        /// <summary>The words on the gate display: 允许通行 / 禁止通行 / 人工核验.</summary>
        public string ChineseText => outcome switch
        {
            GateOutcome.Allow => "允许通行",
            GateOutcome.Deny => "禁止通行",
            GateOutcome.Manual => "人工核验",
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not a gate outcome"),
        };
    }
}
