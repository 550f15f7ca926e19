using System.Globalization;
using System.Text.Json;
using DataPlatform.Devices;
using DataPlatform.Devices.ETag;
using DataPlatform.Devices.VehicleList;
using DataPlatform.Devices.Weighbridge;
using DataPlatform.Gate;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>
/// The JSON wire format of the TCP adapters' records (version 1), in one place: a flat UTF-8 object whose
/// <c>type</c> is <c>weighing</c>, <c>vehicle-list</c> or <c>tag-read</c>, with <c>messageId</c>, <c>deviceId</c>
/// and <c>receivedAt</c> on every type. Times are ISO 8601 China time with 7 fractional digits (exact round trip);
/// codes are the gate vocabulary's (emission stage internal code 0…6, 6a, 6b, D, X; GA 24.9 fuel letter); an
/// absent optional value is JSON null. Pure: <see cref="Decode"/> never throws and validates like the parsers,
/// so a consumer holding a decoded message holds valid domain values. See Adapters/Tcp/README.md for examples.
/// </summary>
public static class DeviceMessageCodec
{
    public const int Version = 1;

    public static byte[] Encode(IDeviceMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        // The lane's copy of a tag read speaks gate.raw's contract, not this codec's.
        if (message is LaneTagReadMessage lane) return lane.Read.ToJson();
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            switch (message)
            {
                case WeighingMessage m: WriteWeighing(w, m); break;
                case VehicleListMessage m: WriteVehicleList(w, m); break;
                case TagReadMessage m: WriteTagRead(w, m); break;
                default: throw new ArgumentException($"unknown message type {message.GetType().Name}", nameof(message));
            }
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static DeviceResult<IDeviceMessage> Decode(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return Fail("not a JSON object");
            var r = new FieldReader(doc.RootElement);
            if (r.Int("version") != Version)
                return Fail($"version must be {Version}");
            return r.String("type") switch
            {
                "weighing" => ReadWeighing(r),
                "vehicle-list" => ReadVehicleList(r),
                "tag-read" => ReadTagRead(r),
                var t => Fail($"unknown type '{t}'"),
            };
        }
        catch (JsonException e)
        {
            return Fail($"not JSON: {e.Message}");
        }
        catch (FieldException e)
        {
            return Fail(e.Message);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            // Defence in depth: a value the domain types refuse must come out as a reason like any other.
            return Fail(e.Message);
        }
    }

    private static void WriteCommon(Utf8JsonWriter w, string type, IDeviceMessage m)
    {
        w.WriteString("type", type);
        w.WriteNumber("version", Version);
        w.WriteString("messageId", m.MessageId);
        w.WriteString("deviceId", m.DeviceId);
        w.WriteString("receivedAt", Time(m.ReceivedAt));
    }

    private static void WriteWeighing(Utf8JsonWriter w, WeighingMessage m)
    {
        var e = m.Weighing;
        WriteCommon(w, "weighing", m);
        w.WriteString("enterpriseId", e.EnterpriseId);
        w.WriteString("weighbridgeId", e.WeighbridgeId);
        w.WriteString("time", Time(e.Time));
        w.WriteNumber("weightKg", e.WeightKg);
        w.WriteString("kind", e.Kind switch { WeighingKind.Gross => "gross", WeighingKind.Tare => "tare", _ => "unknown" });
        w.WriteString("ticketNo", e.TicketNo);
        w.WriteString("cargoName", e.CargoName);
        w.WriteString("plateNo", e.Plate?.Text);
    }

    private static void WriteVehicleList(Utf8JsonWriter w, VehicleListMessage m)
    {
        var v = m.Vehicle;
        WriteCommon(w, "vehicle-list", m);
        WritePlace(w, m.EnterpriseId, m.GateId, m.LaneId);
        w.WriteString("layout", v.Layout);
        w.WriteString("disclosureNumber", v.DisclosureNumber);
        w.WriteString("vin", v.Vin.Value);
        w.WriteString("model", v.Model);
        w.WriteString("engineModel", v.EngineModel);
        w.WriteString("engineMaker", v.EngineMaker);
        w.WriteString("emissionStage", v.EmissionStage?.InternalCode);
        w.WriteString("fuelType", v.Fuel?.Code);
        w.WriteString("manufacturer", v.Manufacturer);
        w.WriteString("productionDate", v.ProductionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static void WriteTagRead(Utf8JsonWriter w, TagReadMessage m)
    {
        WriteCommon(w, "tag-read", m);
        WritePlace(w, m.EnterpriseId, m.GateId, m.LaneId);
        w.WriteString("readerId", m.Read.ReaderId);
        w.WriteString("epc", m.Read.Epc);
        WriteNullableInt(w, "antenna", m.Read.Antenna);
        WriteNullableInt(w, "rssi", m.Read.Rssi);
        w.WriteString("time", Time(m.Read.Time));
        w.WriteBoolean("resolved", m.Vehicle is not null);
        w.WriteString("plateNo", m.Vehicle?.Plate.Text);
        w.WriteString("vehicleId", m.Vehicle?.VehicleId);
        w.WriteString("unknownReason", m.UnknownReason);
    }

    private static void WritePlace(Utf8JsonWriter w, string enterpriseId, string gateId, string laneId)
    {
        w.WriteString("enterpriseId", enterpriseId);
        w.WriteString("gateId", gateId.Length == 0 ? null : gateId);
        w.WriteString("laneId", laneId.Length == 0 ? null : laneId);
    }

    private static void WriteNullableInt(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static DeviceResult<IDeviceMessage> ReadWeighing(FieldReader r)
    {
        var kind = r.String("kind") switch
        {
            "gross" => WeighingKind.Gross,
            "tare" => WeighingKind.Tare,
            "unknown" => WeighingKind.Unknown,
            var k => throw new FieldException($"kind '{k}' is not gross, tare or unknown"),
        };
        var weighing = new WeighingEvent(r.String("messageId"), r.String("enterpriseId"), r.String("weighbridgeId"),
            r.Time("time"), r.Decimal("weightKg"), kind, r.OptionalString("ticketNo"), r.OptionalString("cargoName"), r.OptionalPlate("plateNo"));
        return Ok(new WeighingMessage(r.String("deviceId"), r.Time("receivedAt"), weighing));
    }

    private static DeviceResult<IDeviceMessage> ReadVehicleList(FieldReader r)
    {
        if (!Vin.TryParse(r.String("vin"), out var vin, out var vinReason))
            throw new FieldException(vinReason);
        EmissionStage? stage = null;
        if (r.OptionalString("emissionStage") is { } stageText)
            stage = EmissionStage.TryParse(stageText, out var s, out var why) ? s : throw new FieldException(why);
        FuelType? fuel = null;
        if (r.OptionalString("fuelType") is { } fuelText)
            fuel = FuelType.TryParse(fuelText, out var f, out var why) ? f : throw new FieldException(why);
        DateOnly? produced = null;
        if (r.OptionalString("productionDate") is { } dateText)
            produced = DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw new FieldException($"productionDate '{dateText}' is not yyyy-MM-dd");
        var vehicle = new VehicleInfo(r.String("disclosureNumber"), vin, r.OptionalString("model"), r.OptionalString("engineModel"),
            r.OptionalString("engineMaker"), stage, fuel, r.OptionalString("manufacturer"), produced, r.String("layout"));
        return Ok(new VehicleListMessage(r.String("messageId"), r.String("deviceId"), r.Time("receivedAt"), r.String("enterpriseId"),
            r.OptionalString("gateId") ?? "", r.OptionalString("laneId") ?? "", vehicle));
    }

    private static DeviceResult<IDeviceMessage> ReadTagRead(FieldReader r)
    {
        if (!Epc.TryParse(r.String("epc"), out var epc, out var epcReason))
            throw new FieldException(epcReason);
        var read = new TagRead(r.String("readerId"), epc, r.OptionalInt("antenna"), r.OptionalInt("rssi"), r.Time("time"));
        TagRegistration? vehicle = null;
        var unknown = r.OptionalString("unknownReason");
        if (r.Bool("resolved"))
        {
            vehicle = new TagRegistration(epc, r.OptionalPlate("plateNo") ?? throw new FieldException("a resolved read needs plateNo"),
                r.OptionalString("vehicleId"));
            if (unknown is not null) throw new FieldException("a resolved read has no unknownReason");
        }
        else if (unknown is null)
        {
            throw new FieldException("an unresolved read needs unknownReason");
        }
        return Ok(new TagReadMessage(r.String("messageId"), r.String("deviceId"), r.Time("receivedAt"), r.String("enterpriseId"),
            r.OptionalString("gateId") ?? "", r.OptionalString("laneId") ?? "", read, vehicle, unknown));
    }

    private static string Time(DateTimeOffset t) => ChinaTime.From(t).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    private static DeviceResult<IDeviceMessage> Ok(IDeviceMessage m) => DeviceResult<IDeviceMessage>.Success(m);

    private static DeviceResult<IDeviceMessage> Fail(string reason) =>
        DeviceResult<IDeviceMessage>.Failure(RejectionCodes.BadJson, "device message: " + reason);
}
