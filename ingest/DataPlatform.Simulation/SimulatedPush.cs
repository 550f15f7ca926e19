namespace DataPlatform.Simulation;

/// <summary>One HTTP push the simulator makes, and what it expects the platform to make of it.</summary>
public sealed record SimulatedPush(string EventId, byte[] Body, SimulatedPushKind Kind)
{
    /// <summary>The camera that sends it (<c>X-Device-Id</c>); "" for the legacy anonymous stream.</summary>
    public string DeviceId { get; init; } = "";

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

    /// <summary>Sent by the lane's second camera, disagreeing with the first (<see cref="SimulatedPlates.SecondCameraRead"/>).</summary>
    public bool SecondCamera { get; init; }

    /// <summary>Where it is posted, relative to the ingest base: the generic gate-event endpoint, or the opacity
    /// meter's endpoint for a reading.</summary>
    public string Path { get; init; } = Ingest.Http.GateEventEndpoint.Path;

    /// <summary>A smoke-opacity reading: light-absorption coefficient k (m⁻¹) sent; null for passages.</summary>
    public decimal? AbsorptionCoefficient { get; init; }

    /// <summary>The smoke-opacity reading the gate's meter takes of this entry in the stream mode, if any.</summary>
    public SimulatedPush? Reading { get; init; }

    /// <summary>The weighing that goes with this passage in the stream mode (entry or exit weighing).</summary>
    public SimulatedWeighing? Weighing { get; init; }

    /// <summary>The lane's e-tag reader reading the vehicle's tag, sent just before the camera's event.</summary>
    public SimulatedTagRead? TagRead { get; init; }
}

/// <summary>An e-tag reader at a lane reading a tag (the reader's line protocol over TCP).</summary>
public sealed record SimulatedTagRead(string ReaderId, string Epc, string Plate, DateTimeOffset At)
{
    /// <summary><c>reader,epc,antenna,rssi,time</c> (see ingest's TagReadLine).</summary>
    public string Line => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{ReaderId},{Epc},1,-60,{DataPlatform.Gate.ChinaTime.From(At):yyyy-MM-dd'T'HH:mm:sszzz}\n");
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

    /// <summary>Passages whose second camera disagreed, as sent (valid or not).</summary>
    public int SecondCameraReads => Pushes.Count(p => p.SecondCamera);

    /// <summary>E-tag reads the lanes' readers make, one per valid passage of a tagged vehicle.</summary>
    public int TagReads => Pushes.Count(p => p.TagRead is not null);

    /// <summary>Smoke-opacity meter pushes in send order: readings, re-sends and garbage, like <see cref="Pushes"/>.</summary>
    public IReadOnlyList<SimulatedPush> Readings { get; init; } = [];
}
