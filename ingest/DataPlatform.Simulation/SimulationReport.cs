namespace DataPlatform.Simulation;

/// <summary>What a simulation run sent and how the platform answered, by kind.</summary>
public sealed record SimulationReport(int Valid, int Duplicates, int Malformed, int Accepted, int Rejected, int Failed, TimeSpan Elapsed)
{
    /// <summary>Valid passages whose plate was sent misread (counted in <see cref="Valid"/> too).</summary>
    public int Misreads { get; init; }

    /// <summary>Weighings driven over the weighbridge line, and connections it took (outages reconnect).</summary>
    public int Weighings { get; init; }

    public int WeighbridgeConnects { get; init; }

    /// <summary>Passages reported by a lane's second camera with another plate (counted in Valid or Malformed too).</summary>
    public int SecondCameraReads { get; init; }

    /// <summary>E-tag reads sent over the lanes' readers (not in <see cref="Sent"/>: no HTTP push).</summary>
    public int TagReads { get; init; }

    /// <summary>Smoke-opacity meter pushes: new readings, re-sent readings, garbage; and how the platform answered.</summary>
    public int Readings { get; init; }

    public int ReadingDuplicates { get; init; }

    public int ReadingsMalformed { get; init; }

    public int ReadingsAccepted { get; init; }

    public int ReadingsRejected { get; init; }

    public int Sent => Valid + Duplicates + Malformed;

    public double EventsPerSecond => Sent / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
