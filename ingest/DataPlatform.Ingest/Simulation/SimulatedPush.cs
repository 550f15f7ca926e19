namespace DataPlatform.Ingest.Simulation;

/// <summary>One HTTP push the simulator makes, and what it expects the platform to make of it.</summary>
public sealed record SimulatedPush(string EventId, byte[] Body, SimulatedPushKind Kind)
{
    /// <summary>The camera that sends it (<c>X-Device-Id</c>); "" for the legacy anonymous stream.</summary>
    public string DeviceId { get; init; } = "";

    /// <summary>The ingest path it is posted to; "" for the generic gate-event endpoint.</summary>
    public string Path { get; init; } = "";

    /// <summary>Simulated capture time (in the body), and when the camera gets it out: later than the capture
    /// when the camera was cut off and uploads its backlog (断网续传), or for a duplicate re-send.</summary>
    public DateTimeOffset PassTime { get; init; }

    public DateTimeOffset SendAt { get; init; }

    /// <summary>The plate of the vehicle that really passed (the body's plate differs for a misread).</summary>
    public string VehiclePlate { get; init; } = "";

    /// <summary>1 进厂, 2 出厂; 0 for garbage.</summary>
    public int Direction { get; init; }

    /// <summary>A valid event whose plate is one confusable character off, with a low confidence.</summary>
    public bool Misread { get; init; }

    /// <summary>The weighing that goes with this passage in the stream mode (entry or exit weighing).</summary>
    public SimulatedWeighing? Weighing { get; init; }
}

public enum SimulatedPushKind
{
    /// <summary>A new, valid passage: must become exactly one ledger row.</summary>
    Valid,

    /// <summary>A device re-sending an event it already sent: accepted, but adds no row.</summary>
    Duplicate,

    /// <summary>Garbage or an invalid code: rejected with 400 and kept as a dead letter.</summary>
    Malformed,
}

/// <summary>A vehicle on the weighbridge: what the indicator will show once it settles.</summary>
public sealed record SimulatedWeighing(string WeighbridgeId, string Plate, decimal WeightKg, bool Gross, string Cargo, DateTimeOffset At);

/// <summary>A device cut off from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record SimulatedOutage(string DeviceId, DateTimeOffset From, DateTimeOffset To);

/// <summary>A simulated day: the fleet, the pushes in the order they are sent, the weighings in time order, and
/// the outages that shaped both. The counts are what the platform must show afterwards.</summary>
public sealed record SimulatedTraffic(
    DateOnly Day,
    IReadOnlyList<SimulatedVehicle> Fleet,
    IReadOnlyList<SimulatedPush> Pushes,
    IReadOnlyList<SimulatedWeighing> Weighings,
    IReadOnlyList<SimulatedOutage> Outages)
{
    public int Valid => Pushes.Count(p => p.Kind == SimulatedPushKind.Valid);

    public int Duplicates => Pushes.Count(p => p.Kind == SimulatedPushKind.Duplicate);

    public int Malformed => Pushes.Count(p => p.Kind == SimulatedPushKind.Malformed);

    public int Misreads => Pushes.Count(p => p.Kind == SimulatedPushKind.Valid && p.Misread);
}
