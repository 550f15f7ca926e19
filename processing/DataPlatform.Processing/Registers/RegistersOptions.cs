namespace DataPlatform.Processing.Registers;

/// <summary>Registers and sightings (<c>Processing:Registers</c>).</summary>
public sealed class RegistersOptions
{
    /// <summary>Consumer group of the sightings writer and the national-platform learner on <c>gate.raw</c>
    /// (its own group: it reads every event next to the passage writer).</summary>
    public string GroupId { get; set; } = "registers";

    /// <summary>Gate ids whose cameras watch a work area (堆场, 料场 …) rather than a plant gate: events there are
    /// sightings, and a plate not in the in-plant or non-road register raises the unregistered-machinery alarm.</summary>
    public List<string> WorkAreaGates { get; set; } = [];

    /// <summary>Base URL of the national vehicle/machinery environmental information platform (or its simulator);
    /// empty: unknown vehicles are not looked up.</summary>
    public string NationalPlatformUrl { get; set; } = "";

    /// <summary>Application key sent as <c>X-App-Key</c> to the national platform.</summary>
    public string NationalPlatformAppKey { get; set; } = "";

    /// <summary>Per-request timeout of a national-platform lookup.</summary>
    public int NationalPlatformTimeoutMs { get; set; } = 5000;

    /// <summary>Pause between attempts of the start-up reconciliation of the registers with the gate's registry
    /// while ClickHouse or Kafka is not reachable yet.</summary>
    public double ReconcileRetrySeconds { get; set; } = 5;
}
