namespace DataPlatform.Processing.Alarms.Rules;

/// <summary>What the evaluator looks at, whatever the source: a decision or a device event reduced to the fields
/// rules match on and titles quote. Built by <see cref="AlarmInputs"/>.</summary>
/// <remarks>
/// <para><paramref name="SourceId"/>: The input's own id (event id, device event id): with no dedupe window it names
/// the alarm.</para>
/// <para><paramref name="Subject"/>: What repeats are counted on: the plate at one gate, or the device.</para>
/// <para><paramref name="At"/>: The input's own time (pass time, device event time), never the processing time: a
/// redelivery must land in the same dedupe window.</para>
/// <para><paramref name="Fields"/>: Title placeholders → values.</para>
/// </remarks>
public sealed record AlarmInput(
    string Source,
    string SourceId,
    string EnterpriseId,
    string GateId,
    string Subject,
    DateTimeOffset At,
    string Outcome,
    string RuleId,
    string PlateColor,
    string DeviceEventKind,
    IReadOnlyList<string> Reasons,
    IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>Emission readings: opacity N in %, null when not measured (or not a reading).</summary>
    public decimal? OpacityPercent { get; init; }

    /// <summary>Emission readings: light-absorption coefficient k in m⁻¹, null when not measured.</summary>
    public decimal? AbsorptionCoefficient { get; init; }
}
