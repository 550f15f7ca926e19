namespace DataPlatform.RegulatorBridge.Rates;

/// <summary>A rate below its threshold: the alarm of issue 5 item 5. <see cref="Message"/> is for operators.</summary>
public sealed record RateFinding(DateOnly Day, string GateId, RateMetric Metric, double Value, double Threshold, string Message);
