namespace DataPlatform.Processing.Consuming;

/// <summary>How a stage batches a topic before writing to the ledger. Bound from <c>Processing</c>.</summary>
public sealed class ProcessingOptions
{
    /// <summary>Consumer group of the ledger writers; offsets of this group are the ledger's progress.</summary>
    public string GroupId { get; set; } = "processing";

    /// <summary>Most messages written to ClickHouse in one insert.</summary>
    public int MaxBatchSize { get; set; } = 5000;

    /// <summary>Longest a consumed message waits for its batch to fill, in milliseconds.</summary>
    public int MaxBatchDelayMs { get; set; } = 200;

    /// <summary>Wait before retrying a batch whose write failed (ClickHouse unreachable), in milliseconds.</summary>
    public int RetryDelayMs { get; set; } = 1000;

    /// <summary>Minimum confidence of an uncorroborated plate read; below it the passage goes to manual review.</summary>
    public double ReviewMinimumConfidence { get; set; } = 0.8;

    /// <summary>Reads of one lane and direction by different devices within this many seconds of each other are one
    /// passage (lane read fusion); the later reads are kept in <c>lane_reads</c>.</summary>
    public double LaneFusionWindowSeconds { get; set; } = 5;

    /// <summary>How long a fused passage waits, in milliseconds of wall time since its latest read, for more reads when
    /// its lane stays quiet; then it is written. A read arriving later still joins it, as a late corroboration.</summary>
    public int LaneFusionIdleCloseMs { get; set; } = 5000;

    /// <summary>The fusion window as a span.</summary>
    public TimeSpan LaneFusionWindow() => TimeSpan.FromSeconds(LaneFusionWindowSeconds);

    /// <summary>The reconciler settings passages are screened with.</summary>
    public DataPlatform.Compliance.Plates.ReconcilerOptions ReviewOptions() => new(MinimumConfidence: ReviewMinimumConfidence);
}
