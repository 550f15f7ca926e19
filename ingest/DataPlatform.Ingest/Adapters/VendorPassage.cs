using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Pictures;

namespace DataPlatform.Ingest.Adapters;

/// <summary>What a vendor payload said about one passage, still in the vendor's terms (raw text). Each mapper
/// fills one of these; <see cref="Build"/> applies the device registration and the common rules.</summary>
public sealed record VendorPassage(
    string Vendor,
    string? Plate,
    string? Color,
    string? Time,
    string? Confidence,
    string? VendorDirection,
    string? VehicleClass,
    string? Lane,
    IReadOnlyList<PictureUpload> Pictures)
{
    /// <summary>
    /// The gate event, or why not. The event is assembled as the generic JSON and read back by
    /// <see cref="GateEventCodec.Parse"/>, so vendor events pass exactly the field rules generic ones do (the rule
    /// set lives in the gate vocabulary and is not duplicated here).
    /// </summary>
    public AdapterResult Build(DeviceRegistration device, DateTimeOffset now)
    {
        if (!PlateParser.TryParse(Plate, out var plate, out var plateReason))
            return AdapterResult.Reject(RejectionCodes.InvalidPlate, $"{Vendor} plate: {plateReason}");
        if (!VendorCodes.TryPlateColor(Color, out var color))
            return AdapterResult.Reject(RejectionCodes.UnknownCode, $"{Vendor} plate colour '{VendorCodes.Clip(Color!)}' is not known");
        color = VendorCodes.Reconcile(color, plate);
        if (Time is null)
            return AdapterResult.Reject(RejectionCodes.MissingField, $"{Vendor}: the capture time is missing");
        if (!VendorCodes.TryTime(Time, out var passTime))
            return AdapterResult.Reject(RejectionCodes.InvalidTime, $"{Vendor} capture time '{VendorCodes.Clip(Time)}' is not a date-time");
        // Before the event id is derived: it converts the time to China time, which overflows near year 9999.
        if (GateEventCodec.CheckPassTime(passTime, now, "capture time") is { } timeReason)
            return AdapterResult.Reject(RejectionCodes.InvalidTime, $"{Vendor}: {timeReason}");
        if (!VendorCodes.TryConfidence(Confidence, device.ConfidenceScale, out var confidence, out var confidenceReason))
            return AdapterResult.Reject(RejectionCodes.InvalidField, $"{Vendor} {confidenceReason}");
        var direction = device.Direction ?? VendorCodes.DirectionOf(VendorDirection);
        if (direction is null)
            return AdapterResult.Reject(RejectionCodes.MissingField,
                $"{Vendor}: direction unknown (camera said '{VendorCodes.Clip(VendorDirection ?? "")}'); configure the device's direction");
        var lane = device.LaneId.Length > 0 ? device.LaneId : Lane is { Length: > 0 } l ? l : "1";

        var json = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(json))
        {
            w.WriteStartObject();
            w.WriteString("eventId", EventId(device.DeviceId, passTime, plate.Text, lane));
            w.WriteString("enterpriseId", device.EnterpriseId);
            w.WriteString("gateId", device.GateId);
            w.WriteString("laneId", lane);
            w.WriteNumber("direction", (int)direction.Value);
            w.WriteString("passTime", ChinaTime.From(passTime).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("plateNo", plate.Text);
            w.WriteString("plateColor", color.Code);
            if (confidence is { } c) w.WriteNumber("confidence", c);
            if (VendorCodes.VehicleTypeOf(VehicleClass) is { } type) w.WriteString("vehicleType", type.Code);
            w.WriteString("deviceId", device.DeviceId);
            w.WriteStartArray("pictures");
            foreach (var picture in Pictures.DistinctBy(p => p.Ref)) w.WriteStringValue(picture.Ref);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        var parsed = GateEventCodec.Parse(json.WrittenSpan, now, int.MaxValue);
        return parsed.IsSuccess
            ? AdapterResult.Passage(parsed.Event, [.. Pictures.DistinctBy(p => p.Ref)])
            : AdapterResult.Reject(parsed.Rejection.Code, $"{Vendor}: {parsed.Rejection.Reason}");
    }

    /// <summary>Deterministic, so a camera re-sending the same capture (Hikvision's activePostCount, Dahua's
    /// UploadNum retries) produces the same id and the ledger keeps one row: device, capture time to the
    /// millisecond, and a short hash of plate and lane.</summary>
    public static string EventId(string deviceId, DateTimeOffset passTime, string plate, string lane)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(plate + "|" + lane));
        return $"{deviceId}:{ChinaTime.From(passTime):yyyyMMddHHmmssfff}:{Convert.ToHexStringLower(hash)[..8]}";
    }

    /// <summary>Decodes a base64 picture (Dahua sends them inline) and checks it; null content means absent.</summary>
    public static Rejection? TryInlinePicture(string vendor, string role, string? base64, int maxBytes, List<PictureUpload> into)
    {
        if (string.IsNullOrWhiteSpace(base64)) return null;
        // Decoded size is about 3/4 of the text; refuse before allocating for a hostile giant.
        if ((long)base64.Length * 3 / 4 > maxBytes + 3)
            return new Rejection(RejectionCodes.TooLarge, $"{vendor} picture '{role}' is larger than {maxBytes} bytes");
        var buffer = new byte[base64.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written))
            return new Rejection(IngestRejectionCodes.InvalidPicture, $"{vendor} picture '{role}' is not valid base64");
        var rejection = PictureCheck.TryCreate(role, buffer[..written], maxBytes, out var upload);
        if (upload is not null) into.Add(upload);
        return rejection is null ? null : rejection with { Reason = $"{vendor}: {rejection.Reason}" };
    }
}
