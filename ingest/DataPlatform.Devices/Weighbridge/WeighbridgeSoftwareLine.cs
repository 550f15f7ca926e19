using System.Globalization;
using System.Text.Json;
using DataPlatform.Gate;

namespace DataPlatform.Devices.Weighbridge;

/// <summary>The generic line format for weighbridge software (称重管理软件) that reports finished weighings
/// itself, with ticket, cargo and plate — this project's own format [P], one weighing per line, UTF-8:
/// <list type="bullet">
/// <item>JSON: <c>{"weighbridgeId":"WB01","time":"2026-11-28T10:15:30+08:00","weightKg":49820,"kind":"gross",
/// "ticketNo":"T20261128-0012","cargoName":"铁矿石","plateNo":"冀B12345"}</c></item>
/// <item>CSV, fixed column order, no quoting (so no commas inside values):
/// <c>weighbridgeId,time,weightKg,kind,ticketNo,cargoName,plateNo</c>; trailing optional columns may be empty
/// or left off.</item>
/// </list>
/// Required: weighbridgeId (1..32), time (ISO 8601 with offset), weightKg (0 &lt; w ≤ 300000). Optional: kind
/// (gross/毛重, tare/皮重, unknown; default unknown), ticketNo (≤ 64), cargoName (≤ 32, HJ 1321 cargoName),
/// plateNo (plate grammar). The enterprise is the connection's, not the line's.</summary>
public static class WeighbridgeSoftwareLine
{
    public const int MaxLineLength = 4096;
    public const decimal MaxWeightKg = 300_000m;
    private static readonly string[] Columns = ["weighbridgeId", "time", "weightKg", "kind", "ticketNo", "cargoName", "plateNo"];

    public static DeviceResult<WeighingEvent> Parse(string? line, string enterpriseId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(enterpriseId);
        if (string.IsNullOrWhiteSpace(line))
            return Fail(RejectionCodes.MissingField, "the line is empty");
        if (line.Length > MaxLineLength)
            return Fail(RejectionCodes.TooLarge, $"the line has {line.Length} characters, more than {MaxLineLength}");
        var text = line.Trim();
        return text.StartsWith('{') ? ParseJson(text, enterpriseId) : ParseCsv(text, enterpriseId);
    }

    private static DeviceResult<WeighingEvent> ParseJson(string text, string enterpriseId)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            // Encoding first: a lone surrogate becomes U+FFFD instead of a transcoding exception.
            using var doc = JsonDocument.Parse(System.Text.Encoding.UTF8.GetBytes(text), new JsonDocumentOptions { MaxDepth = 4 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return Fail(RejectionCodes.BadJson, "the line is not a JSON object");
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (!Columns.Contains(property.Name, StringComparer.Ordinal))
                    continue;
                if (fields.ContainsKey(property.Name))
                    return Fail(RejectionCodes.DuplicateField, $"'{property.Name}' appears twice");
                fields[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.Null => null,
                    _ => "\u0000",
                };
                if (fields[property.Name] == "\u0000")
                    return Fail(RejectionCodes.InvalidField, $"'{property.Name}' must be a string or a number");
            }
        }
        catch (JsonException e)
        {
            return Fail(RejectionCodes.BadJson, $"not JSON: {DeviceText.Clip(e.Message)}");
        }
        return Build(fields, enterpriseId);
    }

    private static DeviceResult<WeighingEvent> ParseCsv(string text, string enterpriseId)
    {
        var parts = text.Split(',');
        if (parts.Length > Columns.Length)
            return Fail(RejectionCodes.InvalidField, $"the CSV line has {parts.Length} columns, at most {Columns.Length}");
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
            fields[Columns[i]] = parts[i].Trim();
        return Build(fields, enterpriseId);
    }

    private static DeviceResult<WeighingEvent> Build(Dictionary<string, string?> fields, string enterpriseId)
    {
        string? Get(string name) => fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var weighbridgeId = Get("weighbridgeId");
        if (weighbridgeId is null)
            return Fail(RejectionCodes.MissingField, "weighbridgeId is missing");
        if (weighbridgeId.Length > 32 || DeviceText.HasControlCharacters(weighbridgeId))
            return Fail(RejectionCodes.InvalidField, $"weighbridgeId '{DeviceText.Clip(weighbridgeId)}' must be 1..32 printable characters");

        var timeText = Get("time");
        if (timeText is null)
            return Fail(RejectionCodes.MissingField, "time is missing");
        if (!DeviceText.TryParseTime(timeText, out var time))
            return Fail(RejectionCodes.InvalidTime, $"time '{DeviceText.Clip(timeText)}' is not ISO 8601 with an offset");

        var weightText = Get("weightKg");
        if (weightText is null)
            return Fail(RejectionCodes.MissingField, "weightKg is missing");
        if (!decimal.TryParse(weightText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var weight) || weight <= 0 || weight > MaxWeightKg)
            return Fail(RejectionCodes.InvalidField, $"weightKg '{DeviceText.Clip(weightText)}' must be a number in (0, {MaxWeightKg}]");

        var kindText = Get("kind");
        WeighingKind kind;
        switch (kindText?.ToLowerInvariant())
        {
            case null or "unknown": kind = WeighingKind.Unknown; break;
            case "gross" or "毛重": kind = WeighingKind.Gross; break;
            case "tare" or "皮重": kind = WeighingKind.Tare; break;
            default: return Fail(RejectionCodes.UnknownCode, $"kind '{DeviceText.Clip(kindText)}' is not gross, tare or unknown");
        }

        var ticket = Get("ticketNo");
        if (ticket is not null && (ticket.Length > 64 || DeviceText.HasControlCharacters(ticket)))
            return Fail(RejectionCodes.InvalidField, "ticketNo must be at most 64 printable characters");
        var cargo = Get("cargoName");
        if (cargo is not null && (cargo.Length > 32 || DeviceText.HasControlCharacters(cargo)))
            return Fail(RejectionCodes.InvalidField, "cargoName must be at most 32 printable characters");
        PlateNumber? plate = null;
        if (Get("plateNo") is { } plateText && !PlateNumber.TryParse(plateText, out plate, out var plateReason))
            return Fail(RejectionCodes.InvalidPlate, plateReason);

        var id = WeighingEventId.Create(enterpriseId, weighbridgeId, time, weight, ticket);
        return DeviceResult<WeighingEvent>.Success(
            new WeighingEvent(id, enterpriseId, weighbridgeId, time, weight, kind, ticket, cargo, plate));
    }

    private static DeviceResult<WeighingEvent> Fail(string code, string reason) => DeviceResult<WeighingEvent>.Failure(code, reason);
}
