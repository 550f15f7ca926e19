using DataPlatform.Streams;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>One record for <c>ledger.records</c>: its position in its stream (for the high-water mark) and the record;
/// for a closed trip, what it adds to its exit passage.</summary>
public sealed record LedgerRecordMessage(PublishMark Position, ILedgerRecord Record, ExitLoad? Exit = null);
