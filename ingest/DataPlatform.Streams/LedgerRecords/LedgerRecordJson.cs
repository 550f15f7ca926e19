using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Streams;

/// <summary>The one JSON of <see cref="Topics.LedgerRecords"/> (source-generated): processing writes with
/// <see cref="Write"/>, the regulator bridge reads with <see cref="Read"/>. Absent optional fields are left out.</summary>
public static class LedgerRecordJson
{
    public const int Schema = 1;

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static byte[] Write(ILedgerRecord record) => record switch
    {
        LedgerPassageRecord p => JsonSerializer.SerializeToUtf8Bytes(p, LedgerRecordJsonContext.Default.LedgerPassageRecord),
        LedgerTripRecord t => JsonSerializer.SerializeToUtf8Bytes(t, LedgerRecordJsonContext.Default.LedgerTripRecord),
        LedgerRegisterRecord r => JsonSerializer.SerializeToUtf8Bytes(r, LedgerRecordJsonContext.Default.LedgerRegisterRecord),
        _ => throw new ArgumentException($"no ledger.records kind for {record.GetType().Name}", nameof(record)),
    };

    /// <summary>The record, or null for a kind this version does not know (a newer publisher's; skipped, not an error).</summary>
    /// <exception cref="JsonException">not a JSON object, or a known kind without its required fields.</exception>
    public static ILedgerRecord? Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("不是 JSON 对象 (not a JSON object)");
        if (!root.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String)
            throw new JsonException("缺少 kind (no kind)");
        return kind.GetString() switch
        {
            LedgerPassageRecord.KindName => root.Deserialize(LedgerRecordJsonContext.Default.LedgerPassageRecord),
            LedgerTripRecord.KindName => root.Deserialize(LedgerRecordJsonContext.Default.LedgerTripRecord),
            LedgerRegisterRecord.KindName => root.Deserialize(LedgerRecordJsonContext.Default.LedgerRegisterRecord),
            _ => null,
        };
    }

    /// <summary>A ledger time as the records carry it: China time, whole seconds.</summary>
    public static DateTimeOffset Time(long unixMs) =>
        DateTimeOffset.FromUnixTimeSeconds(Math.DivRem(unixMs, 1000, out var rest) - (rest < 0 ? 1 : 0)).ToOffset(China);

    /// <summary>A ClickHouse <c>DateTime</c> read back as UTC (the ledger's China-time columns are stored so).</summary>
    public static DateTimeOffset Time(DateTime utc) =>
        Time(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds());

}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LedgerPassageRecord))]
[JsonSerializable(typeof(LedgerTripRecord))]
[JsonSerializable(typeof(LedgerRegisterRecord))]
internal sealed partial class LedgerRecordJsonContext : JsonSerializerContext;
