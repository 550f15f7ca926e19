using System.Text.Json.Serialization;

namespace DataPlatform.Streams;

/// <summary>A closed trip on <see cref="Topics.LedgerRecords"/> (kind <c>trip</c>); <see cref="Version"/> is the trip
/// row's version, so a corrected closed trip supersedes the earlier copy. The bridge uploads no trip of its own: the
/// cargo and weight travel on the exit passage's newer version.</summary>
public sealed record LedgerTripRecord : ILedgerRecord
{
    public const string KindName = "trip";

    public int Schema { get; init; } = LedgerRecordJson.Schema;

    public required Guid RecordId { get; init; }

    public string Kind { get; init; } = KindName;

    public ulong Version { get; init; } = 1;

    public required string EnterpriseId { get; init; }

    public required string GateId { get; init; }

    public string ExitGateId { get; init; } = "";

    public string PlateNo { get; init; } = "";

    public string PlateColor { get; init; } = "";

    public Guid EntryPassageId { get; init; }

    public DateTimeOffset EntryTime { get; init; }

    public Guid ExitPassageId { get; init; }

    public required DateTimeOffset ExitTime { get; init; }

    public string Load { get; init; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? GrossKg { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? TareKg { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? NetKg { get; init; }

    public string CargoName { get; init; } = "";

    [JsonIgnore]
    public DateTimeOffset GeneratedAt => ExitTime;

    [JsonIgnore]
    public string Key => $"{EnterpriseId}/{GateId}";
}
