namespace DataPlatform.Ingest.Simulation;

/// <summary>One HTTP push the simulator makes, and what it expects the platform to make of it.</summary>
public sealed record SimulatedPush(string EventId, byte[] Body, SimulatedPushKind Kind);

public enum SimulatedPushKind
{
    /// <summary>A new, valid passage: must become exactly one ledger row.</summary>
    Valid,

    /// <summary>A device re-sending an event it already sent: accepted, but adds no row.</summary>
    Duplicate,

    /// <summary>Garbage or an invalid code: rejected with 400 and kept as a dead letter.</summary>
    Malformed,
}
