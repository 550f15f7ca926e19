namespace DataPlatform.Ingest.Simulation;

/// <summary>What a simulation run sent and how the platform answered, by kind.</summary>
public sealed record SimulationReport(int Valid, int Duplicates, int Malformed, int Accepted, int Rejected, int Failed, TimeSpan Elapsed)
{
    public int Sent => Valid + Duplicates + Malformed;

    public double EventsPerSecond => Sent / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
