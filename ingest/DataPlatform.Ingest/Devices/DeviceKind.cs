namespace DataPlatform.Ingest.Devices;

/// <summary>What protocol a registered device speaks; decides which endpoint may accept its pushes.</summary>
public enum DeviceKind
{
    Generic,
    CameraHikvision,
    CameraDahua,
    Weighbridge,
    ETag,
    Qr,

    /// <summary>Smoke-opacity meter (不透光烟度计) pushing readings over HTTP.</summary>
    OpacityMeter,
}

public static class DeviceKinds
{
    private static readonly Dictionary<string, DeviceKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["generic"] = DeviceKind.Generic,
        ["camera-hikvision"] = DeviceKind.CameraHikvision,
        ["camera-dahua"] = DeviceKind.CameraDahua,
        ["weighbridge"] = DeviceKind.Weighbridge,
        ["etag"] = DeviceKind.ETag,
        ["qr"] = DeviceKind.Qr,
        ["opacity-meter"] = DeviceKind.OpacityMeter,
    };

    public static bool TryParse(string? text, out DeviceKind kind) => ByName.TryGetValue(text?.Trim() ?? "", out kind);

    public static string Name(this DeviceKind kind) => ByName.First(p => p.Value == kind).Key;

    public static bool IsCamera(this DeviceKind kind) => kind is DeviceKind.CameraHikvision or DeviceKind.CameraDahua;
}
