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

    /// <summary>The reconciler settings passages are screened with.</summary>
    public DataPlatform.Compliance.Plates.ReconcilerOptions ReviewOptions() => new(MinimumConfidence: ReviewMinimumConfidence);
}
