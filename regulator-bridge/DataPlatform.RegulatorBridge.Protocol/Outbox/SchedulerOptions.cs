namespace DataPlatform.RegulatorBridge.Outbox;

public sealed class SchedulerOptions
{
    /// <summary>The share of contested capacity reserved for the 补传 backlog (default 25 %): enough to drain a
    /// day's outage in hours at ordinary traffic, while fresh records still meet their 60 s deadline.</summary>
    public double BackfillShare { get; set; } = 0.25;
}
