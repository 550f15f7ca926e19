using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.Streams;

namespace DataPlatform.RegulatorBridge.Uplink;

/// <summary>One message of <c>ledger.records</c> as the bridge takes it in: the typed record, parsed once with the
/// contract's own <see cref="LedgerRecordJson"/>, and the message as received (stored in the outbox so a restart
/// rebuilds the upload). Pure: the mapping to upload records lives here so it can be tested without Kafka.</summary>
public sealed record LedgerRecord(ILedgerRecord Payload, string Json)
{
    public Guid RecordId => Payload.RecordId;

    public string Kind => Payload.Kind;

    public string EnterpriseId => Payload.EnterpriseId;

    public string GateId => Payload.GateId;

    public DateTimeOffset GeneratedAt => Payload.GeneratedAt;

    /// <summary>Higher supersedes lower under one record id (a review, the closed trip's cargo).</summary>
    public ulong Version => Payload.Version;

    /// <summary>An exit passage whose trip has not closed yet: held for the cargo and weight.</summary>
    public bool AwaitsTrip => Payload is LedgerPassageRecord { AwaitsTrip: true };

    /// <summary>The upload kind of this record, or null when no upload method takes it (closed trips: their cargo and
    /// weight travel on the exit passage's newer version).</summary>
    public RecordKind? UploadKind => Payload switch
    {
        LedgerPassageRecord => Profiles.RecordKind.Passage,
        LedgerRegisterRecord r => RegisterUploadKind(r.Register),
        _ => null,
    };

    /// <summary>The upload kind of a register version, by the register it belongs to (null: not one the regulator takes).</summary>
    public static RecordKind? RegisterUploadKind(string? register) => register switch
    {
        "road" => Profiles.RecordKind.VehicleRegister,
        "in-plant" => Profiles.RecordKind.InPlantVehicleRegister,
        "non-road" => Profiles.RecordKind.NonRoadRegister,
        _ => null,
    };

    public static bool TryRead(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out LedgerRecord? record, out string error)
    {
        record = null;
        try
        {
            if (LedgerRecordJson.Read(utf8) is not { } payload)
            {
                error = "未知的 kind (unknown kind)";
                return false;
            }
            record = new LedgerRecord(payload, System.Text.Encoding.UTF8.GetString(utf8));
            error = "";
            return true;
        }
        catch (Exception e) when (e is JsonException or System.Text.DecoderFallbackException or ArgumentException or InvalidOperationException)
        {
            error = $"JSON 无效：{e.Message}";
            return false;
        }
    }

    /// <summary>What a message that does not read as its kind still tells: its record id, upload kind, gate and time —
    /// enough to keep it in the outbox as a record whose upload cannot be built (it fails there, visibly, with the
    /// reason) instead of only a log line. Null when even that is missing: nothing could be queued under an id.</summary>
    public static UnreadableLedgerRecord? Identify(ReadOnlySpan<byte> utf8, DateTimeOffset now)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("recordId", out var idText) || idText.ValueKind != JsonValueKind.String || !idText.TryGetGuid(out var id)
                || !root.TryGetProperty("kind", out var kindText) || kindText.ValueKind != JsonValueKind.String)
                return null;
            RecordKind? kind = kindText.GetString() switch
            {
                LedgerPassageRecord.KindName => Profiles.RecordKind.Passage,
                LedgerRegisterRecord.KindName => RegisterUploadKind(String(root, "register")),
                _ => null,
            };
            if (kind is null) return null;
            var at = Time(root, "passTime") ?? Time(root, "changedAt") ?? now;
            return new UnreadableLedgerRecord(id, kind.Value, String(root, "enterpriseId") ?? "", String(root, "gateId") ?? "", at);
        }
        catch (JsonException)
        {
            return null;
        }

        static string? String(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        static DateTimeOffset? Time(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var t) ? t : null;
    }

    /// <summary>The upload record of this ledger record under <paramref name="uploadId"/>, by its upload kind.</summary>
    /// <exception cref="InvalidOperationException">no upload takes this record.</exception>
    public IUploadRecord ToUpload(string uploadId) => (Payload, UploadKind) switch
    {
        (LedgerPassageRecord p, _) => ToPassage(uploadId, p),
        (LedgerRegisterRecord r, Profiles.RecordKind.VehicleRegister) => ToVehicleRegister(uploadId, r),
        (LedgerRegisterRecord r, Profiles.RecordKind.InPlantVehicleRegister) => ToInPlant(uploadId, r),
        (LedgerRegisterRecord r, Profiles.RecordKind.NonRoadRegister) => ToNonRoad(uploadId, r),
        _ => throw new InvalidOperationException($"no upload of a {Kind} record"),
    };

    /// <summary>The passage as an upload record. Vehicle fields come from the register when the ledger has them;
    /// what is missing is reported by the completeness check, never invented.</summary>
    /// <remarks><paramref name="uploadId"/>: The globally unique upload id (<see cref="RecordIds"/>).</remarks>
    public static PassageRecord ToPassage(string uploadId, LedgerPassageRecord r)
    {
        PlateColor.TryParse(r.PlateColor, out var color, out _);
        VehicleType? type = VehicleType.TryParse(r.VehicleType, out var t) ? t : null;
        var pictures = r.Pictures;
        return new PassageRecord
        {
            RecordId = uploadId,
            GateId = r.GateId,
            LaneId = r.LaneId,
            Direction = (Direction)r.Direction,
            PassTime = r.PassTime,
            PlateNo = r.PlateNo,
            PlateColor = color,
            VehicleType = type,
            Photos = new PassPhotos(pictures.ElementAtOrDefault(0), pictures.ElementAtOrDefault(1), pictures.ElementAtOrDefault(2)),
            Vin = Text(r.Vin),
            RegisterDate = Date(r.RegisterDate),
            Model = Text(r.Model),
            EngineModel = Text(r.EngineModel),
            EngineMaker = Text(r.EngineMaker),
            EngineNo = Text(r.EngineNo),
            FuelType = Fuel(r.FuelType),
            EmissionStage = Stage(r.EmissionStage),
            UseNature = Use(r.UseNature),
            ObdOnline = r.ObdOnline,
            EnvListImage = Text(r.EnvListImage),
            LicenseImage = Text(r.LicenseImage),
            CargoName = Text(r.CargoName),
            CargoWeightT = r.CargoWeightT,
            FleetName = Text(r.FleetName),
        };
    }

    /// <summary>A road vehicle's register version (learnt from the national platform) as a 车辆登记 upload.</summary>
    public static VehicleRegisterRecord ToVehicleRegister(string uploadId, LedgerRegisterRecord f)
    {
        PlateColor.TryParse(f.Field("plateColor"), out var color, out _);
        return new VehicleRegisterRecord
        {
            RecordId = uploadId,
            PlateNo = f.Field("plateNo") ?? "",
            PlateColor = color,
            VehicleType = VehicleType.TryParse(f.Field("vehicleType"), out var type) ? type : null,
            Vin = f.Field("vin"),
            RegisterDate = Date(f.Field("registerDate")),
            Model = f.Field("model"),
            EngineModel = f.Field("engineModel"),
            EngineMaker = f.Field("engineMaker"),
            EngineNo = f.Field("engineNo"),
            FuelType = Fuel(f.Field("fuel")),
            EmissionStage = Stage(f.Field("stage")),
            UseNature = Use(f.Field("useNature")),
            ObdOnline = f.Field("obdOnline") is { } obd ? obd.Trim().ToLowerInvariant() is "true" or "1" or "yes" or "y" or "是" or "已联网" or "联网" : null,
            EnvListImage = f.Field("envListImage"),
            LicenseImage = f.Field("licenseImage"),
            FleetName = f.Field("owner"),
        };
    }

    /// <summary>An in-plant vehicle's register version (spec §1.2).</summary>
    public static InPlantVehicleRecord ToInPlant(string uploadId, LedgerRegisterRecord f)
    {
        return new InPlantVehicleRecord
        {
            RecordId = uploadId,
            EnvRegCode = f.Field("registrationCode") ?? Text(f.RegistrationCode) ?? "",
            Vin = f.Field("vin"),
            ProductionDate = Date(f.Field("productionDate")),
            PlateNo = f.Field("plateNo"),
            RegisterDate = Date(f.Field("registerDate")),
            Model = f.Field("model"),
            EngineModel = f.Field("engineModel"),
            EngineMaker = f.Field("engineMaker"),
            EngineNo = f.Field("engineNo"),
            FuelType = Fuel(f.Field("fuel")),
            EmissionStage = Stage(f.Field("stage")),
            EnvListImage = f.Field("envListImage"),
            LicenseImage = f.Field("licenseImage"),
            Owner = f.Field("owner"),
        };
    }

    /// <summary>A non-road machine's register version (spec §1.3).</summary>
    public static NonRoadMachineRecord ToNonRoad(string uploadId, LedgerRegisterRecord f)
    {
        return new NonRoadMachineRecord
        {
            RecordId = uploadId,
            EnvRegCode = f.Field("registrationCode") ?? Text(f.RegistrationCode) ?? "",
            ProductionDate = Date(f.Field("productionDate")),
            PlateNo = f.Field("plateNo"),
            EmissionStage = Stage(f.Field("stage")),
            FuelType = Fuel(f.Field("fuel")),
            MachineryKind = NonRoadMachineryKind.TryParse(f.Field("machineryKind"), out var kind, out _) ? kind : null,
            Pin = f.Field("pin"),
            Model = f.Field("model"),
            EngineModel = f.Field("engineModel"),
            EngineMaker = f.Field("engineMaker"),
            EngineNo = f.Field("engineNo"),
            NameplateImage = f.Field("nameplateImage"),
            EngineNameplateImage = f.Field("enginePlateImage"),
            EnvLabelImage = f.Field("labelImage"),
            Owner = f.Field("owner"),
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

    private static FuelType? Fuel(string? text) => FuelType.TryParse(text, out var fuel, out _) ? fuel : null;

    private static EmissionStage? Stage(string? text) => EmissionStage.TryParse(text, out var stage, out _) ? stage : null;

    private static UseNature? Use(string? text) => UseNature.TryParse(text, out var use, out _) ? use : null;

    private static DateOnly? Date(string? text) =>
        text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? Text(string? text) => text is { Length: > 0 } ? text : null;
}

/// <summary>A <c>ledger.records</c> message that does not read as its kind, by what identifies it (<see cref="LedgerRecord.Identify"/>).</summary>
public sealed record UnreadableLedgerRecord(Guid RecordId, RecordKind Kind, string EnterpriseId, string GateId, DateTimeOffset At);
