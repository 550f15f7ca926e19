using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorBridge.Uplink;

/// <summary>One message of <c>ledger.records</c> (processing's LedgerRecordJson, version 1) as far as the bridge
/// needs it. Pure: the mapping to upload records lives here so it can be tested without Kafka.</summary>
/// <param name="Kind"><c>passage</c> or <c>trip</c>.</param>
/// <param name="Json">The message as received: stored in the outbox so a restart rebuilds the upload.</param>
public sealed record LedgerRecord(Guid RecordId, string Kind, string EnterpriseId, string GateId, DateTimeOffset GeneratedAt, string Json)
{
    public const string PassageKind = "passage";

    public static bool TryRead(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out LedgerRecord? record, out string error)
    {
        record = null;
        try
        {
            var json = System.Text.Encoding.UTF8.GetString(utf8);
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "不是 JSON 对象";
                return false;
            }
            if (!root.TryGetProperty("recordId", out var id) || !id.TryGetGuid(out var recordId))
            {
                error = "缺少 recordId";
                return false;
            }
            var kind = Text(root, "kind");
            var time = Text(root, "passTime") ?? Text(root, "exitTime") ?? Text(root, "entryTime");
            if (kind is null || time is null
                || !DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var generated))
            {
                error = "缺少 kind 或时间";
                return false;
            }
            record = new LedgerRecord(recordId, kind, Text(root, "enterpriseId") ?? "", Text(root, "gateId") ?? "", generated, json);
            error = "";
            return true;
        }
        catch (Exception e) when (e is JsonException or System.Text.DecoderFallbackException or ArgumentException)
        {
            error = $"JSON 无效：{e.Message}";
            return false;
        }
    }

    /// <summary>The passage as an upload record. Vehicle fields come from the register when the ledger has them;
    /// what is missing is reported by the completeness check, never invented.</summary>
    /// <param name="uploadId">The globally unique upload id (<see cref="RecordIds"/>).</param>
    public static PassageRecord ToPassage(string uploadId, string json)
    {
        using var document = JsonDocument.Parse(json);
        var r = document.RootElement;
        PlateColor.TryParse(Text(r, "plateColor"), out var color, out _);
        VehicleType? type = VehicleType.TryParse(Text(r, "vehicleType"), out var t) ? t : null;
        var pictures = r.TryGetProperty("pictures", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()).ToList()
            : [];
        return new PassageRecord
        {
            RecordId = uploadId,
            GateId = Text(r, "gateId") ?? "",
            LaneId = Text(r, "laneId") ?? "",
            Direction = r.TryGetProperty("direction", out var d) && d.TryGetInt32(out var dir) ? (Direction)dir : Direction.In,
            PassTime = DateTimeOffset.Parse(Text(r, "passTime")!, CultureInfo.InvariantCulture),
            PlateNo = Text(r, "plateNo") ?? "",
            PlateColor = color,
            VehicleType = type,
            Photos = new PassPhotos(pictures.ElementAtOrDefault(0), pictures.ElementAtOrDefault(1), pictures.ElementAtOrDefault(2)),
            CargoName = Text(r, "cargoName"),
            FleetName = Text(r, "fleetName"),
        };
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
