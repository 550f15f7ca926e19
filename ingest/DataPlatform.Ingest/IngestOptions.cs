namespace DataPlatform.Ingest;

/// <summary>The device-facing side of the platform. Bound from the <c>Ingest</c> configuration section.</summary>
public sealed class IngestOptions
{
    /// <summary>Addresses the ingest HTTP listener binds, e.g. <c>http://0.0.0.0:8080</c>.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Largest accepted event body; larger ones are rejected (and kept) as <c>too_large</c>.</summary>
    public int MaxEventBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Directory of the local write-ahead journal, or empty to do without. Standalone mode sets it because its
    /// broker lives in memory: an event is journaled (fsync) before the device is acknowledged and replayed
    /// into Kafka after a restart. Against a real Kafka cluster acks=all is the durability and this stays empty.
    /// </summary>
    public string JournalDirectory { get; set; } = "";

    /// <summary>Consumer group whose committed offsets mean "in the ledger"; journal segments behind it are deleted.</summary>
    public string LedgerConsumerGroup { get; set; } = "processing";

    /// <summary>How often closed journal segments are checked against the ledger writers' progress.</summary>
    public int JournalCompactionSeconds { get; set; } = 30;
}
