using System.Globalization;
using System.Text.Json;
using DataPlatform.Gate;

namespace DataPlatform.Devices.ETag;

/// <summary>The generic line format for e-tag readers or their gateway over TCP — this project's own format [P],
/// one read per line, UTF-8:
/// <list type="bullet">
/// <item>JSON: <c>{"readerId":"rfid-01","epc":"E280 6894 0000 5000 1234 ABCD","antenna":1,"rssi":-58,
/// "time":"2026-11-28T10:15:30+08:00"}</c></item>
/// <item>CSV: <c>readerId,epc,antenna,rssi,time</c>, antenna and rssi may be empty.</item>
/// </list>
/// readerId 1..32 printable; epc per <see cref="Epc"/>; antenna 1..64; rssi −128..127 dBm; time ISO 8601 with
/// offset.</summary>
public static class TagReadLine
{
    public const int MaxLineLength = 1024;
    private static readonly string[] Columns = ["readerId", "epc", "antenna", "rssi", "time"];

    public static DeviceResult<TagRead> Parse(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
            return Fail(RejectionCodes.MissingField, "the line is empty");
        if (line.Length > MaxLineLength)
            return Fail(RejectionCodes.TooLarge, $"the line has {line.Length} characters, more than {MaxLineLength}");
        var text = line.Trim();
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (text.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(System.Text.Encoding.UTF8.GetBytes(text), new JsonDocumentOptions { MaxDepth = 4 });
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    return Fail(RejectionCodes.BadJson, "the line is not a JSON object");
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    if (!Columns.Contains(p.Name, StringComparer.Ordinal))
                        continue;
                    if (!fields.TryAdd(p.Name, p.Value.ValueKind switch
                        {
                            JsonValueKind.String => p.Value.GetString(),
                            JsonValueKind.Number => p.Value.GetRawText(),
                            JsonValueKind.Null => null,
                            _ => "\u0000",
                        }))
                        return Fail(RejectionCodes.DuplicateField, $"'{p.Name}' appears twice");
                    if (fields[p.Name] == "\u0000")
                        return Fail(RejectionCodes.InvalidField, $"'{p.Name}' must be a string or a number");
                }
            }
            catch (JsonException e)
            {
                return Fail(RejectionCodes.BadJson, $"not JSON: {DeviceText.Clip(e.Message)}");
            }
        }
        else
        {
            var parts = text.Split(',');
            if (parts.Length != Columns.Length)
                return Fail(RejectionCodes.InvalidField, $"the CSV line has {parts.Length} columns, expected {Columns.Length}");
            for (var i = 0; i < parts.Length; i++)
                fields[Columns[i]] = parts[i].Trim();
        }
        return Build(fields);
    }

    private static DeviceResult<TagRead> Build(Dictionary<string, string?> fields)
    {
        string? Get(string name) => fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var reader = Get("readerId");
        if (reader is null)
            return Fail(RejectionCodes.MissingField, "readerId is missing");
        if (reader.Length > 32 || DeviceText.HasControlCharacters(reader))
            return Fail(RejectionCodes.InvalidField, "readerId must be 1..32 printable characters");
        var epcText = Get("epc");
        if (epcText is null)
            return Fail(RejectionCodes.MissingField, "epc is missing");
        if (!Epc.TryParse(epcText, out var epc, out var epcReason))
            return Fail(DeviceRejectionCodes.InvalidEpc, epcReason);
        if (!TryInt(Get("antenna"), 1, 64, out var antenna))
            return Fail(RejectionCodes.InvalidField, "antenna must be an integer 1..64");
        if (!TryInt(Get("rssi"), -128, 127, out var rssi))
            return Fail(RejectionCodes.InvalidField, "rssi must be an integer −128..127 (dBm)");
        var timeText = Get("time");
        if (timeText is null)
            return Fail(RejectionCodes.MissingField, "time is missing");
        if (!DeviceText.TryParseTime(timeText, out var time))
            return Fail(RejectionCodes.InvalidTime, $"time '{DeviceText.Clip(timeText)}' is not ISO 8601 with an offset");
        return DeviceResult<TagRead>.Success(new TagRead(reader, epc, antenna, rssi, time));
    }

    private static bool TryInt(string? text, int min, int max, out int? value)
    {
        value = null;
        if (text is null)
            return true;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            return false;
        value = v;
        return true;
    }

    private static DeviceResult<TagRead> Fail(string code, string reason) => DeviceResult<TagRead>.Failure(code, reason);
}
