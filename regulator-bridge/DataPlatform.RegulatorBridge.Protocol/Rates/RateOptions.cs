namespace DataPlatform.RegulatorBridge.Rates;

/// <summary>Spec §5 rate parameters [P, configurable].</summary>
public sealed class RateOptions
{
    /// <summary>Acknowledged within this span of generation = transmitted on time.</summary>
    public TimeSpan RealTimeDeadline { get; set; } = TimeSpan.FromSeconds(60);

    public double TransmissionThreshold { get; set; } = 0.95;

    public double CompletenessThreshold { get; set; } = 0.95;
}
