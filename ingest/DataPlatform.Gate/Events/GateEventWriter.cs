using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataPlatform.Gate;

/// <summary><see cref="GateEvent"/> → canonical JSON.</summary>
internal static class GateEventWriter
{
    // Plates and ids are Chinese, and the default encoder would write them (and the '+' of +08:00) as \uXXXX,
    // unreadable for people reading the topic. The output is never embedded in HTML, so the relaxed encoder's
    // one risk does not apply.
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static byte[] Write(GateEvent e)
    {
        Validate(e);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("eventId", e.EventId);
            w.WriteString("enterpriseId", e.EnterpriseId);
            w.WriteString("gateId", e.GateId);
            w.WriteString("laneId", e.LaneId);
            w.WriteNumber("direction", (int)e.Direction);
            w.WriteString("passTime", ChinaTime.From(e.PassTime).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
            w.WriteString("plateNo", e.Plate.Text);
            w.WriteString("plateColor", e.PlateColor.Code);
            if (e.Confidence is { } confidence)
                w.WriteNumber("confidence", confidence);
            if (e.VehicleType is { } vehicleType)
                w.WriteString("vehicleType", vehicleType.Code);
            if (e.DeviceId is { } deviceId)
                w.WriteString("deviceId", deviceId);
            w.WriteStartArray("pictures");
            foreach (var picture in e.Pictures)
                w.WriteStringValue(picture);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Validate(GateEvent e)
    {
        var why = Null(e.EventId, "eventId") ?? GateEventRules.CheckEventId(e.EventId)
            ?? Null(e.EnterpriseId, "enterpriseId") ?? GateEventRules.CheckId("enterpriseId", e.EnterpriseId)
            ?? Null(e.GateId, "gateId") ?? GateEventRules.CheckId("gateId", e.GateId)
            ?? Null(e.LaneId, "laneId") ?? GateEventRules.CheckId("laneId", e.LaneId)
            ?? (Enum.IsDefined(e.Direction) ? null : $"direction {(int)e.Direction} is not defined")
            ?? GateEventRules.CheckPassTime(e.PassTime)
            ?? Null(e.Plate, "plate")
            ?? (Enum.IsDefined(e.PlateColor) ? null : $"plateColor {(int)e.PlateColor} is not defined")
            ?? (e.Confidence is { } c ? GateEventRules.CheckConfidence(c) : null)
            ?? (e.VehicleType is { Code.Length: 0 } ? "vehicleType is default(VehicleType); use null" : null)
            ?? (e.DeviceId is { } d ? GateEventRules.CheckId("deviceId", d, GateEventRules.MaxDeviceIdLength) : null)
            ?? Null(e.Pictures, "pictures")
            ?? CheckPictures(e.Pictures);
        if (why is not null)
            throw new ArgumentException("cannot serialise gate event: " + why, nameof(e));
    }

    private static string? CheckPictures(IReadOnlyList<string> pictures)
    {
        if (pictures.Count > GateEventRules.MaxPictures)
            return $"pictures has {pictures.Count} entries, at most {GateEventRules.MaxPictures}";
        for (var i = 0; i < pictures.Count; i++)
            if ((Null(pictures[i], $"pictures[{i}]") ?? GateEventRules.CheckPicture(i, pictures[i])) is { } why)
                return why;
        return null;
    }

    private static string? Null(object? value, string field) => value is null ? $"{field} is null" : null;
}
