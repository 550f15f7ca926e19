using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Streams;

/// <summary>One change to a register, or one audited guard-booth action, on <see cref="Topics.RegistryChanges"/>:
/// who (operator and source), when, and the record's full new field set. Processing computes the before/after
/// diff against the version it holds, so a re-posted identical record changes nothing.</summary>
/// <remarks>
/// <para><paramref name="ChangeId"/>: Unique per change; a redelivered message keeps it (the ledger rows derive from
/// it).</para>
/// <para><paramref name="Register"/>: <c>in-plant</c>, <c>non-road</c>, <c>road</c> or <c>passage</c> (a manual
/// passage: audit only).</para>
/// <para><paramref name="Source"/>: <c>guard-booth</c> or <c>national-platform</c>.</para>
/// <para><paramref name="Fields"/>: The normalised fields of the record (codes; empty values left out).</para>
/// <para><paramref name="OperatorName"/>: The guard operator's configured display name, kept in the audit beside the
/// id.</para>
/// </remarks>
public sealed record RegistryChange(
    Guid ChangeId,
    string Register,
    string EnterpriseId,
    string RecordKey,
    string Source,
    string OperatorId,
    DateTimeOffset ChangedAt,
    IReadOnlyDictionary<string, string> Fields,
    string? OperatorName = null)
{
    public const string GuardBoothSource = "guard-booth";
    public const string NationalPlatformSource = "national-platform";
    public const string PassageRegister = "passage";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The Kafka key: one record's versions on one partition, in order.</summary>
    public string PartitionKey => $"{EnterpriseId}/{Register}/{RecordKey}";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <exception cref="JsonException">not a registry change.</exception>
    public static RegistryChange FromJson(ReadOnlySpan<byte> json)
    {
        var change = JsonSerializer.Deserialize<RegistryChange>(json, Json) ?? throw new JsonException("empty registry change");
        if (change.ChangeId == Guid.Empty || string.IsNullOrEmpty(change.Register) || string.IsNullOrEmpty(change.EnterpriseId)
            || string.IsNullOrEmpty(change.RecordKey) || change.Fields is null)
            throw new JsonException("registry change lacks changeId, register, enterpriseId, recordKey or fields");
        return change;
    }
}
