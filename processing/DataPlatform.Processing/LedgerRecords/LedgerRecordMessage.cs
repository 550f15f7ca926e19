namespace DataPlatform.Processing.LedgerRecords;

/// <summary>One record for <c>ledger.records</c>: its position in its stream (for the high-water mark), the Kafka
/// key (<c>enterprise/gate</c>) and the JSON body; for a closed trip, what it adds to its exit passage.</summary>
public sealed record LedgerRecordMessage(PublishMark Position, Guid RecordId, string Key, byte[] Json, ExitLoad? Exit = null);
