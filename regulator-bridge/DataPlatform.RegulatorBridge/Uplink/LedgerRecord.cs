using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorBridge.Uplink;

/// <summary>One message of <c>ledger.records</c> (processing's LedgerRecordJson, version 1) as far as the bridge
/// needs it. Pure: the mapping to upload records lives here so it can be tested without Kafka.</summary>
/// <param name="Kind"><c>passage</c>, <c>trip</c> or <c>register</c>.</param>
/// <param name="Json">The message as received: stored in the outbox so a restart rebuilds the upload.</param>
/// <param name="Version">Higher supersedes lower under one record id (a review, the closed trip's cargo).</param>
/// <param name="AwaitsTrip">An exit passage whose trip has not closed yet: held for the cargo and weight.</param>
public sealed record LedgerRecord(
    Guid RecordId, string Kind, string EnterpriseId, string GateId, DateTimeOffset GeneratedAt, string Json,
    ulong Version = 1, string Register = "", bool AwaitsTrip = false)
{
    public const string PassageKind = "passage";
    public const string RegisterKind = "register";

    /// <summary>The upload kind of this record, or null when no upload method takes it (closed trips: their cargo and
    /// weight travel on the exit passage's newer version).</summary>
    public RecordKind? UploadKind => Kind switch
    {
        PassageKind => Profiles.RecordKind.Passage,
        RegisterKind => Register switch
        {
            "road" => Profiles.RecordKind.VehicleRegister,
            "in-plant" => Profiles.RecordKind.InPlantVehicleRegister,
            "non-road" => Profiles.RecordKind.NonRoadRegister,
            _ => null,
        },
        _ => null,
    };

    /// <summary>The version recorded in a stored source (1 when absent).</summary>
    public static ulong VersionOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("version", out var v) && v.TryGetUInt64(out var n) ? n : 1;
        }
        catch (JsonException)
        {
            return 1;
        }
    }

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
            var time = Text(root, "passTime") ?? Text(root, "exitTime") ?? Text(root, "entryTime") ?? Text(root, "changedAt");
            if (kind is null || time is null
                || !DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var generated))
            {
                error = "缺少 kind 或时间";
                return false;
            }
            var version = root.TryGetProperty("version", out var v) && v.TryGetUInt64(out var n) ? n : 1;
            var exit = root.TryGetProperty("direction", out var d) && d.TryGetInt32(out var dir) && dir == (int)Direction.Out;
            var closed = root.TryGetProperty("tripClosed", out var c) && c.ValueKind == JsonValueKind.True;
            record = new LedgerRecord(recordId, kind, Text(root, "enterpriseId") ?? "", Text(root, "gateId") ?? "", generated, json,
                version, Text(root, "register") ?? "", kind == PassageKind && exit && !closed);
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
            Vin = Text(r, "vin"),
            RegisterDate = Date(r, "registerDate"),
            Model = Text(r, "model"),
            EngineModel = Text(r, "engineModel"),
            EngineMaker = Text(r, "engineMaker"),
            EngineNo = Text(r, "engineNo"),
            FuelType = Fuel(r, "fuelType"),
            EmissionStage = Stage(r, "emissionStage"),
            UseNature = Use(r, "useNature"),
            ObdOnline = r.TryGetProperty("obdOnline", out var obd) && obd.ValueKind is JsonValueKind.True or JsonValueKind.False ? obd.GetBoolean() : null,
            EnvListImage = Text(r, "envListImage"),
            LicenseImage = Text(r, "licenseImage"),
            CargoName = Text(r, "cargoName"),
            CargoWeightT = r.TryGetProperty("cargoWeightT", out var weight) && weight.TryGetDecimal(out var tonnes) ? tonnes : null,
            FleetName = Text(r, "fleetName"),
        };
    }

    /// <summary>A road vehicle's register version (learnt from the national platform) as a 车辆登记 upload.</summary>
    public static VehicleRegisterRecord ToVehicleRegister(string uploadId, string json)
    {
        using var document = JsonDocument.Parse(json);
        var f = Fields(document.RootElement);
        PlateColor.TryParse(Text(f, "plateColor"), out var color, out _);
        return new VehicleRegisterRecord
        {
            RecordId = uploadId,
            PlateNo = Text(f, "plateNo") ?? "",
            PlateColor = color,
            VehicleType = VehicleType.TryParse(Text(f, "vehicleType"), out var type) ? type : null,
            Vin = Text(f, "vin"),
            RegisterDate = Date(f, "registerDate"),
            Model = Text(f, "model"),
            EngineModel = Text(f, "engineModel"),
            EngineMaker = Text(f, "engineMaker"),
            EngineNo = Text(f, "engineNo"),
            FuelType = Fuel(f, "fuel"),
            EmissionStage = Stage(f, "stage"),
            UseNature = Use(f, "useNature"),
            ObdOnline = Text(f, "obdOnline") is { } obd ? obd.Trim().ToLowerInvariant() is "true" or "1" or "yes" or "y" or "是" or "已联网" or "联网" : null,
            EnvListImage = Text(f, "envListImage"),
            LicenseImage = Text(f, "licenseImage"),
            FleetName = Text(f, "owner"),
        };
    }

    /// <summary>An in-plant vehicle's register version (spec §1.2).</summary>
    public static InPlantVehicleRecord ToInPlant(string uploadId, string json)
    {
        using var document = JsonDocument.Parse(json);
        var f = Fields(document.RootElement);
        return new InPlantVehicleRecord
        {
            RecordId = uploadId,
            EnvRegCode = Text(f, "registrationCode") ?? Text(document.RootElement, "registrationCode") ?? "",
            Vin = Text(f, "vin"),
            ProductionDate = Date(f, "productionDate"),
            PlateNo = Text(f, "plateNo"),
            RegisterDate = Date(f, "registerDate"),
            Model = Text(f, "model"),
            EngineModel = Text(f, "engineModel"),
            EngineMaker = Text(f, "engineMaker"),
            EngineNo = Text(f, "engineNo"),
            FuelType = Fuel(f, "fuel"),
            EmissionStage = Stage(f, "stage"),
            EnvListImage = Text(f, "envListImage"),
            LicenseImage = Text(f, "licenseImage"),
            Owner = Text(f, "owner"),
        };
    }

    /// <summary>A non-road machine's register version (spec §1.3).</summary>
    public static NonRoadMachineRecord ToNonRoad(string uploadId, string json)
    {
        using var document = JsonDocument.Parse(json);
        var f = Fields(document.RootElement);
        return new NonRoadMachineRecord
        {
            RecordId = uploadId,
            EnvRegCode = Text(f, "registrationCode") ?? Text(document.RootElement, "registrationCode") ?? "",
            ProductionDate = Date(f, "productionDate"),
            PlateNo = Text(f, "plateNo"),
            EmissionStage = Stage(f, "stage"),
            FuelType = Fuel(f, "fuel"),
            MachineryKind = NonRoadMachineryKind.TryParse(Text(f, "machineryKind"), out var kind, out _) ? kind : null,
            Pin = Text(f, "pin"),
            Model = Text(f, "model"),
            EngineModel = Text(f, "engineModel"),
            EngineMaker = Text(f, "engineMaker"),
            EngineNo = Text(f, "engineNo"),
            NameplateImage = Text(f, "nameplateImage"),
            EngineNameplateImage = Text(f, "enginePlateImage"),
            EnvLabelImage = Text(f, "labelImage"),
            Owner = Text(f, "owner"),
        };
    }

    /// <summary>The picture references a record carries, with the field each belongs to (for separate uploads).</summary>
    public static IReadOnlyList<(string FieldId, string Reference)> Pictures(IUploadRecord record)
    {
        (string, string?)[] all = record switch
        {
            PassageRecord p => [(FieldIds.FrontPhoto, p.Photos.Front), (FieldIds.BodyPhoto, p.Photos.Body), (FieldIds.PlatePhoto, p.Photos.Plate),
                (FieldIds.EnvListImage, p.EnvListImage), (FieldIds.LicenseImage, p.LicenseImage)],
            VehicleRegisterRecord v => [(FieldIds.EnvListImage, v.EnvListImage), (FieldIds.LicenseImage, v.LicenseImage)],
            InPlantVehicleRecord i => [(FieldIds.EnvListImage, i.EnvListImage), (FieldIds.LicenseImage, i.LicenseImage)],
            NonRoadMachineRecord n => [(FieldIds.NameplateImage, n.NameplateImage), (FieldIds.EngineNameplateImage, n.EngineNameplateImage),
                (FieldIds.EnvLabelImage, n.EnvLabelImage)],
            _ => [],
        };
        return [.. all.Where(p => p.Item2 is { Length: > 0 }).Select(p => (p.Item1, p.Item2!))];
    }

    private static JsonElement Fields(JsonElement root) =>
        root.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Object ? f : root;

    private static FuelType? Fuel(JsonElement e, string name) =>
        FuelType.TryParse(Text(e, name), out var fuel, out _) ? fuel : null;

    private static EmissionStage? Stage(JsonElement e, string name) =>
        EmissionStage.TryParse(Text(e, name), out var stage, out _) ? stage : null;

    private static UseNature? Use(JsonElement e, string name) =>
        UseNature.TryParse(Text(e, name), out var use, out _) ? use : null;

    private static DateOnly? Date(JsonElement e, string name) =>
        Text(e, name) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
