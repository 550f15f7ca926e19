using System.Text.Json.Serialization;

namespace DataPlatform.Streams;

/// <summary>A passage on <see cref="Topics.LedgerRecords"/> (kind <c>passage</c>). Version 1 is the passage as
/// written; a review resolution n publishes version 1 + n with the effective values, <see cref="ReviewStatus"/> and
/// <see cref="ReviewActionId"/>; the exit passage of a closed trip is published once more with the trip's cargo and
/// net weight and <see cref="TripClosed"/> (version = the trip row's version). The registry's vehicle fields in force
/// at the pass time (spec §1.1) are set only when the register has them; absent fields are left out of the JSON.</summary>
public sealed record LedgerPassageRecord : ILedgerRecord
{
    public const string KindName = "passage";

    public int Schema { get; init; } = LedgerRecordJson.Schema;

    public required Guid RecordId { get; init; }

    public string Kind { get; init; } = KindName;

    public ulong Version { get; init; } = 1;

    public required string EnterpriseId { get; init; }

    public required string GateId { get; init; }

    public string LaneId { get; init; } = "";

    /// <summary>1 进厂, 2 出厂.</summary>
    public required int Direction { get; init; }

    public required DateTimeOffset PassTime { get; init; }

    public string PlateNo { get; init; } = "";

    public string PlateColor { get; init; } = "";

    public string VehicleType { get; init; } = "";

    public string DeviceId { get; init; } = "";

    public string EventId { get; init; } = "";

    /// <summary><c>sha256:</c> references into ingest's picture store.</summary>
    public IReadOnlyList<string> Pictures { get; init; } = [];

    public string RecordHash { get; init; } = "";

    /// <summary>none, pending, approved, corrected, rejected.</summary>
    public string? ReviewStatus { get; init; }

    public Guid? ReviewActionId { get; init; }

    public Guid? TripId { get; init; }

    /// <summary>True on the exit's version that carries its closed trip's load; the bridge holds an exit until then.</summary>
    public bool? TripClosed { get; init; }

    public string? CargoName { get; init; }

    public int? NetKg { get; init; }

    /// <summary>运输量 in tonnes, one decimal.</summary>
    public decimal? CargoWeightT { get; init; }

    public string? Vin { get; init; }

    public string? RegisterDate { get; init; }

    public string? Model { get; init; }

    public string? EngineModel { get; init; }

    public string? EngineMaker { get; init; }

    public string? EngineNo { get; init; }

    public string? FuelType { get; init; }

    public string? EmissionStage { get; init; }

    public string? UseNature { get; init; }

    public bool? ObdOnline { get; init; }

    public string? FleetName { get; init; }

    public string? EnvListImage { get; init; }

    public string? LicenseImage { get; init; }

    /// <summary>The register row whose vehicle fields were added.</summary>
    public string? RegisterRowId { get; init; }

    [JsonIgnore]
    public DateTimeOffset GeneratedAt => PassTime;

    [JsonIgnore]
    public string Key => $"{EnterpriseId}/{GateId}";

    /// <summary>An exit whose trip has not closed yet: the bridge holds it for the cargo and weight.</summary>
    [JsonIgnore]
    public bool AwaitsTrip => Direction == 2 && TripClosed != true;
}
