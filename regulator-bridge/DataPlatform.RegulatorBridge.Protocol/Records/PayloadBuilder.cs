using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;

namespace DataPlatform.RegulatorBridge.Records;

/// <summary>Maps internal records to a profile's payload: field names, codes, time formats, pictures, the
/// real-time / 补传 flag. Output is deterministic (fixed field order, no whitespace), because it is signed.</summary>
public sealed class PayloadBuilder
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    private readonly CompiledProfile _profile;

    public PayloadBuilder(CompiledProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
    }

    /// <remarks><paramref name="pictureValue"/>: Resolves a picture reference to its wire value: base64 for inline
    /// profiles, the platform's file id for separate-upload ones; null when not (yet) available, and the field is left
    /// out.</remarks>
    public BuiltPayload Passage(PassageRecord r, UploadMode mode, Func<string, string?> pictureValue)
    {
        ArgumentNullException.ThrowIfNull(r);
        var w = Start(r.RecordId, mode, pictureValue);
        w.Text(FieldIds.GateId, r.GateId);
        w.Text(FieldIds.LaneId, r.LaneId);
        w.Number(FieldIds.Direction, (int)r.Direction);
        w.DateTime(FieldIds.PassTime, r.PassTime);
        w.Text(FieldIds.PlateNo, r.PlateNo);
        w.PlateColor(r.PlateColor);
        w.Vehicle(r.VehicleType, r.Vin, r.RegisterDate, r.Model, r.EngineModel, r.EngineMaker, r.EngineNo, r.FuelType, r.EmissionStage);
        w.Text(FieldIds.UseNature, r.UseNature?.Code);
        w.Bool(FieldIds.ObdOnline, r.ObdOnline);
        w.Picture(FieldIds.FrontPhoto, r.Photos.Front);
        w.Picture(FieldIds.BodyPhoto, r.Photos.Body);
        w.Picture(FieldIds.PlatePhoto, r.Photos.Plate);
        w.Picture(FieldIds.EnvListImage, r.EnvListImage);
        w.Picture(FieldIds.LicenseImage, r.LicenseImage);
        w.Text(FieldIds.CargoName, r.CargoName);
        if (r.CargoWeightT is { } t)
            w.Decimal(FieldIds.CargoWeightT, Math.Round(t, 1, MidpointRounding.AwayFromZero));
        w.Text(FieldIds.FleetName, r.FleetName);
        return Finish(w, r.RecordId, RecordKind.Passage, mode);
    }

    public BuiltPayload VehicleRegister(VehicleRegisterRecord r, UploadMode mode, Func<string, string?> pictureValue)
    {
        ArgumentNullException.ThrowIfNull(r);
        var w = Start(r.RecordId, mode, pictureValue);
        w.Text(FieldIds.PlateNo, r.PlateNo);
        w.PlateColor(r.PlateColor);
        w.Vehicle(r.VehicleType, r.Vin, r.RegisterDate, r.Model, r.EngineModel, r.EngineMaker, r.EngineNo, r.FuelType, r.EmissionStage);
        w.Text(FieldIds.UseNature, r.UseNature?.Code);
        w.Bool(FieldIds.ObdOnline, r.ObdOnline);
        w.Picture(FieldIds.EnvListImage, r.EnvListImage);
        w.Picture(FieldIds.LicenseImage, r.LicenseImage);
        w.Text(FieldIds.FleetName, r.FleetName);
        return Finish(w, r.RecordId, RecordKind.VehicleRegister, mode);
    }

    public BuiltPayload InPlantVehicleRegister(InPlantVehicleRecord r, UploadMode mode, Func<string, string?> pictureValue)
    {
        ArgumentNullException.ThrowIfNull(r);
        var w = Start(r.RecordId, mode, pictureValue);
        w.Text(FieldIds.EnvRegCode, r.EnvRegCode);
        w.Date(FieldIds.ProductionDate, r.ProductionDate);
        w.Text(FieldIds.PlateNo, r.PlateNo);
        w.Vehicle(null, r.Vin, r.RegisterDate, r.Model, r.EngineModel, r.EngineMaker, r.EngineNo, r.FuelType, r.EmissionStage);
        w.Picture(FieldIds.EnvListImage, r.EnvListImage);
        w.Picture(FieldIds.LicenseImage, r.LicenseImage);
        w.Text(FieldIds.Owner, r.Owner);
        return Finish(w, r.RecordId, RecordKind.InPlantVehicleRegister, mode);
    }

    public BuiltPayload NonRoadRegister(NonRoadMachineRecord r, UploadMode mode, Func<string, string?> pictureValue)
    {
        ArgumentNullException.ThrowIfNull(r);
        var w = Start(r.RecordId, mode, pictureValue);
        w.Text(FieldIds.EnvRegCode, r.EnvRegCode);
        w.Date(FieldIds.ProductionDate, r.ProductionDate);
        w.Text(FieldIds.PlateNo, r.PlateNo);
        w.Text(FieldIds.MachineryKind, r.MachineryKind?.ChineseName);
        w.Text(FieldIds.Pin, r.Pin);
        w.Vehicle(null, null, null, r.Model, r.EngineModel, r.EngineMaker, r.EngineNo, r.FuelType, r.EmissionStage);
        w.Picture(FieldIds.NameplateImage, r.NameplateImage);
        w.Picture(FieldIds.EngineNameplateImage, r.EngineNameplateImage);
        w.Picture(FieldIds.EnvLabelImage, r.EnvLabelImage);
        w.Text(FieldIds.Owner, r.Owner);
        return Finish(w, r.RecordId, RecordKind.NonRoadRegister, mode);
    }

    /// <summary>The payload of a separate image upload (always carries the picture inline).</summary>
    public string Image(ImageUploadRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var w = new Writer(_profile, static _ => null);
        w.Text(FieldIds.RecordId, r.ImageId);
        w.Text(FieldIds.ImageKind, r.ImageKind);
        w.Text(FieldIds.ImageData, r.Base64);
        return Serialize(w.Payload, RecordKind.Image);
    }

    public string Heartbeat(HeartbeatRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var w = new Writer(_profile, static _ => null);
        w.DateTime(FieldIds.HeartbeatTime, r.Time);
        w.Text(FieldIds.GateId, r.GateId);
        var devices = new JsonArray();
        foreach (var d in r.Devices)
        {
            var device = new Writer(_profile, static _ => null);
            device.Text(FieldIds.DeviceId, d.DeviceId);
            device.Text(FieldIds.DeviceKind, d.DeviceKind);
            device.Bool(FieldIds.Online, d.Online);
            if (d.LastSeen is { } seen)
                device.DateTime(FieldIds.LastSeen, seen);
            device.Text(FieldIds.StatusText, d.StatusText);
            devices.Add(device.Payload);
        }
        w.Payload[_profile.Fields.Wire(FieldIds.Devices)] = devices;
        return Serialize(w.Payload, RecordKind.Heartbeat);
    }

    /// <summary>Our receipt for a downlink command (received, executed or rejected, with the reason).</summary>
    public string CommandReceipt(CommandReceiptRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var w = new Writer(_profile, static _ => null);
        w.Text(FieldIds.CommandId, r.CommandId);
        w.Text(FieldIds.ReceiptStatus, r.Status switch
        {
            ReceiptStatus.Received => "received",
            ReceiptStatus.Executed => "executed",
            ReceiptStatus.Rejected => "rejected",
            _ => throw new ArgumentOutOfRangeException(nameof(r), r.Status, "not a receipt status"),
        });
        w.DateTime(FieldIds.ReceiptTime, r.Time);
        w.Text(FieldIds.StatusText, r.Message);
        return Serialize(w.Payload, RecordKind.CommandReceipt);
    }

    /// <summary>Every uploaded record's payload opens with its id and the real-time / 补传 flag.</summary>
    private Writer Start(string recordId, UploadMode mode, Func<string, string?> pictureValue)
    {
        var w = new Writer(_profile, pictureValue);
        w.Text(FieldIds.RecordId, recordId);
        w.Flag(mode);
        return w;
    }

    private BuiltPayload Finish(Writer w, string recordId, RecordKind kind, UploadMode mode)
    {
        var completeness = Completeness.Check(MandatoryFields.RuleFor(kind, _profile.Profile.Completeness), w.Written.Contains);
        return new BuiltPayload(recordId, Serialize(w.Payload, kind), mode, completeness);
    }

    private string Serialize(JsonObject payload, RecordKind kind)
    {
        _profile.Mapping?.Adjust(kind, payload);
        return payload.ToJsonString(JsonOptions);
    }

    /// <summary>Writes one payload object in profile terms and remembers which field ids got a value.</summary>
    private sealed class Writer(CompiledProfile profile, Func<string, string?> pictureValue)
    {
        public JsonObject Payload { get; } = [];

        public HashSet<string> Written { get; } = new(StringComparer.Ordinal);

        private RegulatorProfile P => profile.Profile;

        public void Text(string id, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
                return;
            Put(id, JsonValue.Create(value));
        }

        public void Number(string id, int value) => Put(id, JsonValue.Create(value));

        public void Decimal(string id, decimal value) => Put(id, JsonValue.Create(value));

        public void Bool(string id, bool? value)
        {
            if (value is { } v)
                Put(id, JsonValue.Create(v));
        }

        public void DateTime(string id, DateTimeOffset value) => Put(id, JsonValue.Create(ChinaTimestamp.Format(value, P.DateTimeFormat)));

        public void Date(string id, DateOnly? value)
        {
            if (value is { } d)
                Put(id, JsonValue.Create(d.ToString(P.DateFormat, CultureInfo.InvariantCulture)));
        }

        public void Flag(UploadMode mode) => Put(FieldIds.UploadType, JsonValue.Create(mode == UploadMode.Backfill ? P.BackfillFlag : P.RealTimeFlag));

        public void PlateColor(PlateColor color)
        {
            // 未确定 is still sent (the platform wants the passage), but does not count as a filled field.
            var wire = profile.Codec.PlateColorToWire(color);
            JsonNode node = profile.Codec.PlateColorIsNumeric ? JsonValue.Create(int.Parse(wire, CultureInfo.InvariantCulture)) : JsonValue.Create(wire);
            Payload[profile.Fields.Wire(FieldIds.PlateColor)] = node;
            if (color != Gate.PlateColor.Unknown)
                Written.Add(FieldIds.PlateColor);
        }

        public void Vehicle(
            VehicleType? type, string? vin, DateOnly? registerDate, string? model, string? engineModel, string? engineMaker,
            string? engineNo, FuelType? fuel, EmissionStage? stage)
        {
            if (type is { Code.Length: > 0 } t)
                Text(FieldIds.VehicleType, profile.Codec.VehicleTypeToWire(t));
            Text(FieldIds.Vin, vin);
            Date(FieldIds.RegisterDate, registerDate);
            Text(FieldIds.Model, model);
            Text(FieldIds.EngineModel, engineModel);
            Text(FieldIds.EngineMaker, engineMaker);
            Text(FieldIds.EngineNo, engineNo);
            if (fuel is { } f)
                Text(FieldIds.FuelType, profile.Codec.FuelTypeToWire(f));
            if (stage is { } s)
                Text(FieldIds.EmissionStage, profile.Codec.EmissionStageToWire(s));
        }

        public void Picture(string id, string? reference)
        {
            if (string.IsNullOrWhiteSpace(reference))
                return;
            Text(id, pictureValue(reference));
        }

        private void Put(string id, JsonNode? node)
        {
            Payload[profile.Fields.Wire(id)] = node;
            Written.Add(id);
        }
    }
}
