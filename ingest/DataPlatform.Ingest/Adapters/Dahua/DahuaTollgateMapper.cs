using DataPlatform.Gate;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Pictures;

namespace DataPlatform.Ingest.Adapters.Dahua;

/// <summary>
/// Dahua ITC (traffic/tollgate camera) HTTP push → gate event. Pure: bytes in, result out.
/// <para>Format (the ITC "ITSAPI" push as integrators document it, e.g. the LPR push guides and receivers
/// published on GitHub): <c>POST /NotificationInfo/TollgateInfo</c> with JSON
/// <c>{"Picture":{"Plate":{"PlateNumber","PlateColor","Confidence"},"SnapInfo":{"DeviceID","SnapTime" or
/// "AccurateTime" ("2026-02-10 09:30:45[.123]", device local time),"Direction","LanNo"},"Vehicle":{"VehicleType",
/// "VehicleColor"},"NormalPic"/"VehiclePic"/"CutoutPic":{"Content": base64 JPEG}}}</c>;
/// <c>POST /NotificationInfo/KeepAlive</c> with <c>{"Active":…,"DeviceID":…}</c> is the heartbeat.</para>
/// </summary>
public static class DahuaTollgateMapper
{
    private const string Vendor = "Dahua";

    private static readonly string[] PictureRoles = ["CutoutPic", "VehiclePic", "NormalPic"];

    /// <summary>The DeviceID the body claims (SnapInfo.DeviceID or KeepAlive's DeviceID), for finding the
    /// registration when the URL does not name the device. Never throws.</summary>
    public static string? ClaimedDeviceId(ReadOnlySpan<byte> body) =>
        PayloadFields.TryRead(body, out var fields, out _)
            ? fields!.Text("Picture/SnapInfo/DeviceID") ?? fields.Text("DeviceID")
            : null;

    public static AdapterResult Map(ReadOnlySpan<byte> body, DeviceRegistration device, DateTimeOffset now, int maxPictureBytes)
    {
        if (!PayloadFields.TryRead(body, out var fields, out var reason))
            return AdapterResult.Reject(IngestRejectionCodes.BadPayload, "Dahua: " + reason);
        if (fields!.Root.Length > 0)
            return AdapterResult.Reject(IngestRejectionCodes.BadPayload, "Dahua: expected the JSON push, found XML");
        if (!fields.Has("Picture/Plate/PlateNumber"))
        {
            // A KeepAlive (or DeviceInfo) body: the device is alive but reports no passage.
            if (fields.Has("Active") || fields.Has("DeviceID"))
                return AdapterResult.Alive("KeepAlive");
            return AdapterResult.Reject(RejectionCodes.MissingField, "Dahua: Picture.Plate.PlateNumber is missing");
        }

        var pictures = new List<PictureUpload>();
        foreach (var role in PictureRoles)
        {
            if (VendorPassage.TryInlinePicture(Vendor, role, fields[$"Picture/{role}/Content"], maxPictureBytes, pictures) is { } rejection)
                return AdapterResult.Reject(rejection);
        }

        return new VendorPassage(
            Vendor,
            Plate: fields.Text("Picture/Plate/PlateNumber"),
            Color: fields.Text("Picture/Plate/PlateColor"),
            Time: fields.Text("Picture/SnapInfo/AccurateTime") ?? fields.Text("Picture/SnapInfo/SnapTime"),
            Confidence: fields.Text("Picture/Plate/Confidence"),
            VendorDirection: fields.Text("Picture/SnapInfo/Direction"),
            VehicleClass: fields.Text("Picture/Vehicle/VehicleType"),
            Lane: fields.Text("Picture/SnapInfo/LanNo"),
            Pictures: pictures).Build(device, now);
    }
}
