using DataPlatform.Compliance.Decisions;

namespace DataPlatform.Processing.Commands;

/// <summary>The gate decision service. Bound from <c>Processing:Decisions</c>.</summary>
public sealed class DecisionOptions
{
    /// <summary>Off: no decisions, no command consumer (a processing instance that only writes ledgers).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Its own consumer group on <c>gate.raw</c>, so decisions never wait behind ledger inserts.</summary>
    public string GroupId { get; set; } = "gate-decisions";

    /// <summary>The policy snapshot file. Empty: <c>~/.local/share/dataplatform/decisions/policy-state-&lt;ledger
    /// database&gt;.json</c>, one per ledger so test platforms and deployments sharing a machine stay apart.</summary>
    public string StatePath { get; set; } = "";

    /// <summary>Decisions published but not yet recorded in ClickHouse. When ClickHouse is down this many
    /// decisions keep flowing to the barrier; beyond it consumption pauses rather than growing memory without
    /// bound (at plant traffic of a few thousand passages a day this is weeks).</summary>
    public int MaxPending { get; set; } = 100_000;

    /// <summary>Most decisions recorded in one ClickHouse insert.</summary>
    public int RecordBatchSize { get; set; } = 5000;

    /// <summary>How long decisions gather before being recorded, in milliseconds; only the ledger waits, not the gate.</summary>
    public int RecordDelayMs { get; set; } = 100;

    /// <summary>Wait before retrying a failed insert or a broken consumer, in milliseconds.</summary>
    public int RetryDelayMs { get; set; } = 1000;

    /// <summary>librdkafka <c>fetch.wait.max.ms</c> for the decision and command consumers. Small: a real broker
    /// answers as soon as data arrives anyway, but the embedded mock broker waits the full time.</summary>
    public int FetchWaitMaxMs { get; set; } = 10;

    /// <summary>What to do with vehicles the registry does not know.</summary>
    public UnknownVehicleHandling UnknownVehicle { get; set; } = UnknownVehicleHandling.ManualDuringActivePolicy;

    public bool HazmatRequiresBooking { get; set; } = true;

    /// <summary>Weighings an exit needs after the entry to count as weighed (2: gross and tare, so the net is known).</summary>
    public int ExitWeighingsRequired { get; set; } = TripStates.DefaultWeighingsRequired;

    /// <summary>How often the exit gate's trip states are reloaded from the ledger, in seconds.</summary>
    public double TripStateRefreshSeconds { get; set; } = 5;

    /// <summary>How far back open trips are loaded, in hours; an entry older than this is not known at the exit.</summary>
    public int TripStateWindowHours { get; set; } = 72;

    /// <summary>Most open trips held in memory for exit decisions.</summary>
    public int MaxOpenTrips { get; set; } = 200_000;

    public GateDeciderOptions DeciderOptions() => new(UnknownVehicle, HazmatRequiresBooking);
}
