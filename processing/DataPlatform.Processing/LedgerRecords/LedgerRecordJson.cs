using System.Globalization;
using System.Text.Json;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>The <c>ledger.records</c> wire format (version 1): a flat UTF-8 JSON object with <c>recordId</c> (the
/// ledger row's UUID: the bridge's dedup key), <c>kind</c> (<c>passage</c> | <c>trip</c>), <c>version</c> (1 for a
/// passage; the trip row's version, so a corrected closed trip supersedes the earlier copy) and the record's fields.
/// Times are ISO 8601 China time.</summary>
public static class LedgerRecordJson
{
    public const int Version = 1;

    public static string Time(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(TimeSpan.FromHours(8))
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Writes the common head, then <paramref name="body"/>'s fields, into one object.</summary>
    public static byte[] Write(Guid recordId, string kind, ulong version, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("schema", Version);
            w.WriteString("recordId", recordId);
            w.WriteString("kind", kind);
            w.WriteNumber("version", version);
            body(w);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
