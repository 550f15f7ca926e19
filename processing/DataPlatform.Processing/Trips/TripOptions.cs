namespace DataPlatform.Processing.Trips;

/// <summary>The trips job and the ledger.records publisher it drives. Bound from <c>Processing:Trips</c>.</summary>
public sealed class TripOptions
{
    /// <summary>False leaves the job out (e.g. a second processing instance that should not publish).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between runs, in seconds.</summary>
    public double IntervalSeconds { get; set; } = 30;

    /// <summary>How far back (by entry time) trips are re-paired each run. A trip whose entry fell out of the window
    /// keeps its last stored state; an exit whose entry fell out is not paired.</summary>
    public int WindowDays { get; set; } = 3;

    /// <summary>How far before the last run's start the next run looks for newly ingested passages and weighings:
    /// covers inserts that became visible after a later one and clock differences between hosts.</summary>
    public double LateArrivalSeconds { get; set; } = 60;

    /// <summary>Rows younger than this (by ingested_at / updated_at) wait for the next run, so an insert that became
    /// visible after a later one is still behind the high-water mark when the publisher reaches it.</summary>
    public double PublishLagSeconds { get; set; } = 5;

    /// <summary>Only passages passed / trips entered within this many days are scanned for publishing: bounds the
    /// scan to a few partitions. A passage replayed from a device journal older than this is not published.</summary>
    public int PublishLookbackDays { get; set; } = 30;

    /// <summary>Most records published per stream per run.</summary>
    public int PublishBatchSize { get; set; } = 5000;
}
