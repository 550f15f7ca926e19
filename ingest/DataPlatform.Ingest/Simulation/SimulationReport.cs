namespace DataPlatform.Ingest.Simulation;

/// <summary>What a simulation run sent and how the platform answered, by kind.</summary>
public sealed record SimulationReport(int Valid, int Duplicates, int Malformed, int Accepted, int Rejected, int Failed, TimeSpan Elapsed)
{
    /// <summary>Valid passages whose plate was sent misread (counted in <see cref="Valid"/> too).</summary>
    public int Misreads { get; init; }

    /// <summary>Weighings driven over the weighbridge line, and connections it took (outages reconnect).</summary>
    public int Weighings { get; init; }

    public int WeighbridgeConnects { get; init; }

    public int Sent => Valid + Duplicates + Malformed;

    public double EventsPerSecond => Sent / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
