using DataPlatform.Gate;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Pictures;

namespace DataPlatform.Ingest.Adapters.Hikvision;

/// <summary>
/// Hikvision ISAPI ANPR push ("HTTP listening" / alarm server) → gate event. Pure: bytes in, result out.
/// <para>Format (Hikvision "Device Network SDK (Traffic) Developer Guide", message XML_EventNotificationAlert_ANPR,
/// and the ISAPI ANPR metadata pages): an <c>EventNotificationAlert</c> document (XML in namespace
/// http://www.isapi.org/ver20/XMLSchema or http://www.hikvision.com/ver20/XMLSchema, or the same names as JSON) with
/// <c>dateTime</c> (e.g. 2017-04-22T15:39:01+08:00), <c>channelID</c>, <c>eventType</c> = ANPR, and an <c>ANPR</c>
/// block: <c>licensePlate</c>, <c>line</c>, <c>direction</c> (forward/reverse/unknown), <c>confidenceLevel</c>
/// (0–100), <c>plateColor</c> (blue, yellow, …), <c>vehicleType</c> (largeBus, smallCar, …),
/// <c>pictureInfoList</c>. Sent alone, or as multipart/form-data whose first part is the document (anpr.xml) and
/// whose other parts are the pictures (licensePlatePicture.jpg, detectionPicture.jpg …); an empty picture part
/// becomes a <c>missing:</c> placeholder (<see cref="PictureRef.Missing"/>). Other event types (the
/// periodic videoloss/inactive alert cameras send) are heartbeats.</para>
/// </summary>
public static class HikvisionAnprMapper
{
    private const string Vendor = "Hikvision";

    public static AdapterResult Map(ReadOnlySpan<byte> body, string? contentType, DeviceRegistration device, DateTimeOffset now, int maxPictureBytes)
    {
        ReadOnlySpan<byte> document = body;
        var pictures = new List<PictureUpload>();
        if (Multipart.IsMultipart(contentType))
        {
            if (Multipart.Boundary(contentType) is not { } boundary)
                return AdapterResult.Reject(IngestRejectionCodes.BadPayload, "Hikvision: multipart content type without a boundary");
            if (!Multipart.TryParse(body, boundary, out var parts, out var why))
                return AdapterResult.Reject(IngestRejectionCodes.BadPayload, "Hikvision: " + why);
            var docIndex = parts.FindIndex(IsDocument);
            if (docIndex < 0)
                return AdapterResult.Reject(IngestRejectionCodes.BadPayload, "Hikvision: no XML or JSON part in the multipart body");
            document = parts[docIndex].Body;
            for (var i = 0; i < parts.Count; i++)
            {
                if (i == docIndex) continue;
                var role = parts[i].FileName ?? parts[i].Name ?? $"part{i}";
                // Cameras that fail to grab a frame still send the part, with Content-Length: 0. The truck was
                // seen: keep the passage and mark the picture missing rather than refuse the whole capture.
                if (parts[i].Body.Length == 0)
                {
                    pictures.Add(PictureUpload.MissingOf(role));
                    continue;
                }
                if (PictureCheck.TryCreate(role, parts[i].Body, maxPictureBytes, out var upload) is { } rejection)
                    return AdapterResult.Reject(rejection with { Reason = "Hikvision: " + rejection.Reason });
                pictures.Add(upload!);
            }
        }

        if (!PayloadFields.TryRead(document, out var fields, out var reason))
            return AdapterResult.Reject(IngestRejectionCodes.BadPayload, "Hikvision: " + reason);
        if (fields!.Root.Length > 0 && !fields.Root.Equals("EventNotificationAlert", StringComparison.OrdinalIgnoreCase))
            return AdapterResult.Reject(IngestRejectionCodes.BadPayload, $"Hikvision: root element is '{VendorCodes.Clip(fields.Root)}', not EventNotificationAlert");
        if (fields.Text("eventType") is not { } eventType)
            return AdapterResult.Reject(RejectionCodes.MissingField, "Hikvision: eventType is missing");
        if (!eventType.Equals("ANPR", StringComparison.OrdinalIgnoreCase))
            return AdapterResult.Alive(VendorCodes.Clip(eventType));

        return new VendorPassage(
            Vendor,
            Plate: fields.Text("ANPR/licensePlate"),
            Color: fields.Text("ANPR/plateColor"),
            Time: fields.Text("dateTime"),
            Confidence: fields.Text("ANPR/confidenceLevel"),
            VendorDirection: fields.Text("ANPR/direction"),
            VehicleClass: fields.Text("ANPR/vehicleType"),
            Lane: fields.Text("ANPR/line") ?? fields.Text("channelID"),
            Pictures: pictures).Build(device, now);
    }

    private static bool IsDocument(MultipartPart part)
    {
        var type = part.ContentType ?? "";
        var name = part.FileName ?? part.Name ?? "";
        if (type.Contains("xml", StringComparison.OrdinalIgnoreCase) || type.Contains("json", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return true;
        var start = part.Body.AsSpan().IndexOfAnyExcept(" \t\r\n\uFEFF"u8);
        return start >= 0 && part.Body[start] is (byte)'<' or (byte)'{';
    }
}
