using System.Text.Json.Serialization;

namespace DataPlatform.Streams;

/// <summary>A register version on <see cref="Topics.LedgerRecords"/> (kind <c>register</c>): the record id is the
/// version's row id (the registry change id), so every version is its own, globally unique record and a republished
/// version repeats it; <see cref="Version"/> is the register version; <see cref="Fields"/> are the register's
/// normalised fields as stored.</summary>
public sealed record LedgerRegisterRecord : ILedgerRecord
{
    public const string KindName = "register";

    public int Schema { get; init; } = LedgerRecordJson.Schema;

    public required Guid RecordId { get; init; }

    public string Kind { get; init; } = KindName;

    public ulong Version { get; init; } = 1;

    public required string EnterpriseId { get; init; }

    /// <summary>Always empty: a register version belongs to no gate.</summary>
    public string GateId { get; init; } = "";

    /// <summary>road, in-plant or non-road.</summary>
    public required string Register { get; init; }

    public string RegistrationCode { get; init; } = "";

    public required DateTimeOffset ChangedAt { get; init; }

    public string Source { get; init; } = "";

    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    [JsonIgnore]
    public DateTimeOffset GeneratedAt => ChangedAt;

    [JsonIgnore]
    public string Key => $"{EnterpriseId}/{Register}";

    /// <summary>A field's value, or null when absent or empty.</summary>
    public string? Field(string name) => Fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
