namespace DataPlatform.Streams;

/// <summary>Kafka topic names shared by every stage. Keys are <c>enterprise/gate/lane</c> so one lane stays in order.</summary>
public static class Topics
{
    /// <summary>Validated raw gate events, the canonical JSON of <c>GateEvent</c>.</summary>
    public const string GateRaw = "gate.raw";

    /// <summary>Payloads rejected at any stage, with the reason (a <see cref="DeadLetter"/>).</summary>
    public const string DeadLetter = "gate.deadletter";

    /// <summary>Weighbridge weighings (gross/tare, ticket, cargo), keyed by enterprise/weighbridge.</summary>
    public const string Weighings = "gate.weighings";

    /// <summary>Vehicle information read at the gate: 随车清单 QR lists and e-tag reads resolved to a vehicle.</summary>
    public const string VehicleInfo = "gate.vehicle-info";

    /// <summary>Device status changes and security alarms (online/offline, failed authentication).</summary>
    public const string DeviceEvents = "device.events";

    /// <summary>Gate decisions (allow/deny/manual + rule + display text), keyed by enterprise/gate/lane; ingest
    /// relays them to the barrier and the gate display.</summary>
    public const string GateDecisions = "gate.decisions";

    /// <summary>Policy, blacklist, booking, alert-level and vehicle-registration commands, keyed by enterprise id.
    /// One partition: every processing instance folds the same total order into the same policy snapshot.</summary>
    public const string ControlCommands = "control.commands";

    /// <summary>Raised alarms (rule, severity, Chinese title), keyed by dedupe key; at-least-once, the alarm id is stable.</summary>
    public const string Alarms = "alarms";

    /// <summary>Finished ledger records (new passages, closed trips) for the regulator bridge, keyed by
    /// enterprise/gate. At least once: a record may be published again with the same <c>recordId</c>.</summary>
    public const string LedgerRecords = "ledger.records";

    /// <summary>Vehicle emission readings at the gate (smoke opacity, <see cref="OpacityReading"/>), keyed
    /// enterprise/device.</summary>
    public const string EmissionReadings = "gate.emission-readings";

    /// <summary>Regulator bridge findings (low rates, upload backlog, platform down), a <see cref="BridgeStatusEvent"/>
    /// keyed by enterprise/gate; processing's alarms turn them into alarms.</summary>
    public const string BridgeStatus = "regulator.bridge-status";

    /// <summary>Register changes (in-plant vehicles, non-road machinery, vehicles learnt from the national
    /// platform) and manual-passage audit entries, keyed by enterprise/register/record key so one record's
    /// versions stay in order. A <c>RegistryChange</c>.</summary>
    public const string RegistryChanges = "registry.changes";

    /// <summary>Sightings by work-area cameras (堆场/料场, not a plant gate): the gate-event JSON, keyed by
    /// enterprise/gate/lane. Kept off <see cref="GateRaw"/> so they never become passages or gate decisions.</summary>
    public const string WorkAreaSightings = "gate.work-area";

    /// <summary>Manual-review actions on passages (approve, correct, reject) from the CLI and the guard booth
    /// (<see cref="ReviewActionMessage"/>), keyed by passage id. One partition: one writer seals the review ledger
    /// in one total order.</summary>
    public const string ReviewActions = "review.actions";

    /// <summary>Partition counts used when a deployment creates the topics itself (standalone, tests).</summary>
    public static IReadOnlyDictionary<string, int> DefaultPartitions { get; } = new Dictionary<string, int>
    {
        [GateRaw] = 12,
        [DeadLetter] = 4,
        [Weighings] = 4,
        [VehicleInfo] = 4,
        [DeviceEvents] = 2,
        [GateDecisions] = 12,
        [ControlCommands] = 1,
        [Alarms] = 2,
        [LedgerRecords] = 4,
        [EmissionReadings] = 2,
        [BridgeStatus] = 1,
        [RegistryChanges] = 2,
        [WorkAreaSightings] = 2,
        [ReviewActions] = 1,
    };
}
