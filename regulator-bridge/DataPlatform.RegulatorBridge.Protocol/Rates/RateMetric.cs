namespace DataPlatform.RegulatorBridge.Rates;

public enum RateMetric
{
    /// <summary>传输率.</summary>
    Transmission = 1,

    /// <summary>完整率.</summary>
    Completeness = 2,
}
