using System.Buffers;
using DataPlatform.Gate;

namespace DataPlatform.Ingest.Devices;

/// <summary>The registered devices, validated once at start so a typo in configuration stops the service
/// instead of silently letting a camera's pushes fail.</summary>
public sealed class DeviceRegistry
{
    private static readonly SearchValues<char> IdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    private readonly Dictionary<string, DeviceRegistration> _byId;

    public DeviceRegistry(IEnumerable<DeviceOptions> devices)
    {
        _byId = new(StringComparer.Ordinal);
        foreach (var options in devices)
        {
            var registration = Validate(options);
            if (!_byId.TryAdd(registration.DeviceId, registration))
                throw new InvalidOperationException($"Ingest:Devices: device '{registration.DeviceId}' is listed twice");
        }
    }

    /// <summary>No device is registered: the development default, where the generic endpoint takes anyone.</summary>
    public bool IsOpen => _byId.Count == 0;

    public IReadOnlyCollection<DeviceRegistration> All => _byId.Values;

    public DeviceRegistration? Find(string? deviceId) =>
        deviceId is not null && _byId.TryGetValue(deviceId, out var found) ? found : null;

    /// <summary>True for ids that may be used in event ids and keys: 1..32 of [A-Za-z0-9._-].</summary>
    public static bool IsValidDeviceId(string? id) =>
        id is { Length: > 0 and <= 32 } && id.AsSpan().IndexOfAnyExcept(IdChars) < 0;

    private static DeviceRegistration Validate(DeviceOptions o)
    {
        string Where() => $"Ingest:Devices '{o.DeviceId}'";
        if (!IsValidDeviceId(o.DeviceId))
            throw new InvalidOperationException($"{Where()}: deviceId must be 1..32 of A-Z a-z 0-9 . _ -");
        if (!DeviceKinds.TryParse(o.Kind, out var kind))
            throw new InvalidOperationException($"{Where()}: unknown kind '{o.Kind}' (camera-hikvision, camera-dahua, generic, weighbridge, etag, qr, opacity-meter)");
        if (string.IsNullOrEmpty(o.Token) && string.IsNullOrEmpty(o.HmacSecret))
            throw new InvalidOperationException($"{Where()}: a credential is required (token or hmacSecret)");
        if (kind.IsCamera() && (string.IsNullOrWhiteSpace(o.EnterpriseId) || string.IsNullOrWhiteSpace(o.GateId)))
            throw new InvalidOperationException($"{Where()}: cameras need enterpriseId and gateId");
        Direction? direction = null;
        if (!string.IsNullOrWhiteSpace(o.Direction))
        {
            if (!Direction.TryParse(o.Direction, out var d, out var reason))
                throw new InvalidOperationException($"{Where()}: {reason}");
            direction = d;
        }
        if (o.ConfidenceScale is not (> 0 and <= 10_000))
            throw new InvalidOperationException($"{Where()}: confidenceScale must be positive (100 or 255)");
        return new DeviceRegistration(o.DeviceId, kind, o.EnterpriseId.Trim(), o.GateId.Trim(),
            string.IsNullOrWhiteSpace(o.LaneId) ? "" : o.LaneId.Trim(), direction, o.Token, o.HmacSecret, o.ConfidenceScale);
    }
}
