namespace DataPlatform.Compliance.Decisions;

/// <summary>What the gate's LED shows (spec §3): plate, stage, control status and the outcome.</summary>
/// <remarks>
/// <para><paramref name="Stage"/>: 国四 …, 电动, or 未登记 for unknown vehicles.</para>
/// <para><paramref name="ControlStatus"/>: e.g. 橙色预警管控中, or 常态 outside alerts.</para>
/// </remarks>
public sealed record GateDisplay(string Plate, string Stage, string ControlStatus, GateOutcome Outcome)
{
    /// <summary>One line, fields separated by spaces: "冀B12345 国四 橙色预警管控中 禁止通行".</summary>
    public string Text => $"{Plate} {Stage} {ControlStatus} {Outcome.ChineseText}";

    public override string ToString() => Text;
}
