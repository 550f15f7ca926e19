namespace DataPlatform.Streams;

/// <summary>Kafka topic names shared by every stage. Keys are <c>enterprise/gate/lane</c> so one lane stays in order.</summary>
public static class Topics
{
    /// <summary>Validated raw gate events, the canonical JSON of <c>GateEvent</c>.</summary>
    public const string GateRaw = "gate.raw";

    /// <summary>Payloads rejected at any stage, with the reason (a <see cref="DeadLetter"/>).</summary>
    public const string DeadLetter = "gate.deadletter";

    /// <summary>Partition counts used when a deployment creates the topics itself (standalone, tests).</summary>
    public static IReadOnlyDictionary<string, int> DefaultPartitions { get; } = new Dictionary<string, int>
    {
        [GateRaw] = 12,
        [DeadLetter] = 4,
    };
}
