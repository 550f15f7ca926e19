using Confluent.Kafka;

namespace DataPlatform.Processing.Decisions;

/// <summary>A consumed <c>gate.raw</c> message on its way: its decision published (<see cref="Published"/>
/// completes on the broker's ack) and waiting to be recorded; its offset is committed once both are done.</summary>
/// <remarks><paramref name="Row"/>: Null for a message that did not parse (the ledger writer dead-letters
/// it).</remarks>
internal sealed record PendingDecision(
    TopicPartitionOffset Source,
    GateDecisionRow? Row,
    Message<string, byte[]>? Decision,
    Task Published);
