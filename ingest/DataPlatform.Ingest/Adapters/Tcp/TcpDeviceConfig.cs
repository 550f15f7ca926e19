using System.Net;
using DataPlatform.Devices.ETag;
using DataPlatform.Devices.Weighbridge;
using DataPlatform.Gate;
using DataPlatform.Ingest.Devices;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>A TCP device's validated settings. Built once at start: a bad entry stops the service with the
/// reason, like <see cref="DeviceRegistry"/> does, instead of turning every frame into a dead letter.</summary>
public sealed record TcpDeviceConfig(
    DeviceRegistration Device,
    IPEndPoint? Listen,
    TcpProtocol Protocol,
    decimal KgPerUnit,
    byte Terminator,
    IReadOnlySet<IPAddress> AllowFrom,
    StableWeightOptions Scale,
    TagRegistry Tags,
    TimeSpan TagRepeatWindow)
{
    /// <summary>Concurrent connections per device. A converter normally holds one; a few more let a reconnect
    /// overlap a half-open old connection (TCP keep-alive reaps those) without letting a stray client exhaust us.</summary>
    public const int MaxConnections = 4;

    public string DeviceId => Device.DeviceId;

    /// <summary>Connect mode: the converter (a TCP server) we dial; null in listen mode.</summary>
    public EndPoint? Connect { get; init; }

    /// <summary>Connect mode: the first retry delay after a drop or a failed dial; doubles per failure up to
    /// <see cref="ReconnectMax"/>, each with jitter (<see cref="ReconnectBackoff"/>).</summary>
    public TimeSpan ReconnectMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>True when the options ask for a TCP adapter at all.</summary>
    public static bool IsTcp(DeviceOptions o) => !string.IsNullOrWhiteSpace(o.Listen) || !string.IsNullOrWhiteSpace(o.Connect);

    /// <exception cref="InvalidOperationException">the settings are unusable; the message says why.</exception>
    public static TcpDeviceConfig From(DeviceOptions o, DeviceRegistration device)
    {
        string Where() => $"Ingest:Devices '{o.DeviceId}'";
        var connecting = !string.IsNullOrWhiteSpace(o.Connect);
        if (connecting && !string.IsNullOrWhiteSpace(o.Listen))
            throw new InvalidOperationException($"{Where()}: set either listen (the converter dials us) or connect (we dial the converter), not both");
        if (device.Kind is not (DeviceKind.Weighbridge or DeviceKind.ETag or DeviceKind.Qr))
            throw new InvalidOperationException($"{Where()}: only weighbridge, etag and qr devices speak TCP, not {device.Kind.Name()}");
        if (string.IsNullOrWhiteSpace(device.EnterpriseId))
            throw new InvalidOperationException($"{Where()}: TCP devices need enterpriseId (their records carry no enterprise of their own)");
        IPEndPoint? listen = null;
        EndPoint? connect = null;
        if (connecting)
        {
            if (!TryRemote(o.Connect, out connect))
                throw new InvalidOperationException($"{Where()}: connect '{o.Connect}' is not host:port (e.g. 10.0.5.21:4001)");
            if (o.ReconnectMinMs < 10 || o.ReconnectMaxMs < o.ReconnectMinMs || o.ReconnectMaxMs > 3_600_000)
                throw new InvalidOperationException($"{Where()}: reconnectMinMs must be ≥ 10 and ≤ reconnectMaxMs ≤ 3600000");
        }
        else if (!TryEndpoint(o.Listen, out listen))
            throw new InvalidOperationException($"{Where()}: listen '{o.Listen}' is not host:port (e.g. 0.0.0.0:4001)");
        if (!TcpProtocols.TryParse(o.Protocol, device.Kind, out var protocol, out var why))
            throw new InvalidOperationException($"{Where()}: {why}");
        var kgPerUnit = o.Unit.Trim().ToLowerInvariant() switch
        {
            "" or "kg" => 1m,
            "t" => 1000m,
            _ => throw new InvalidOperationException($"{Where()}: unit must be kg or t"),
        };
        var terminator = (o.Terminator.Trim().ToLowerInvariant(), device.Kind) switch
        {
            ("", DeviceKind.Qr) or ("cr", _) => (byte)'\r',
            ("", _) or ("lf", _) => (byte)'\n',
            ("etx", _) => (byte)0x03,
            ("tab", _) => (byte)'\t',
            _ => throw new InvalidOperationException($"{Where()}: terminator must be lf, cr, etx or tab"),
        };
        var allow = new HashSet<IPAddress>();
        foreach (var part in o.AllowFrom.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            allow.Add(IPAddress.TryParse(part, out var ip) ? Canonical(ip) : throw new InvalidOperationException($"{Where()}: allowFrom '{part}' is not an IP address"));
        StableWeightOptions scale;
        try
        {
            scale = new StableWeightOptions(device.EnterpriseId, device.DeviceId, o.EmptyThresholdKg, o.ToleranceKg, o.MinStableReadings);
            scale.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{Where()}: stable-weight settings: {e.Message}");
        }
        if (o.RepeatSeconds is < 0 or > 3600)
            throw new InvalidOperationException($"{Where()}: repeatSeconds must be 0..3600");
        return new TcpDeviceConfig(device, listen, protocol, kgPerUnit, terminator, allow, scale, Registry(o, Where()),
            TimeSpan.FromSeconds(o.RepeatSeconds))
        {
            Connect = connect,
            ReconnectMin = TimeSpan.FromMilliseconds(o.ReconnectMinMs),
            ReconnectMax = TimeSpan.FromMilliseconds(o.ReconnectMaxMs),
        };
    }

    /// <summary>IPv4 peers of a dual-stack socket show up as ::ffff:a.b.c.d; compare them as IPv4.</summary>
    public static IPAddress Canonical(IPAddress ip) => ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;

    private static TagRegistry Registry(DeviceOptions o, string where)
    {
        var registrations = new List<TagRegistration>();
        foreach (var tag in o.Tags)
        {
            if (!Epc.TryParse(tag.Epc, out var epc, out var epcReason))
                throw new InvalidOperationException($"{where}: tag '{tag.Epc}': {epcReason}");
            if (!PlateNumber.TryParse(tag.PlateNo, out var plate, out var plateReason))
                throw new InvalidOperationException($"{where}: tag {epc}: {plateReason}");
            registrations.Add(new TagRegistration(epc, plate, string.IsNullOrWhiteSpace(tag.VehicleId) ? null : tag.VehicleId.Trim()));
        }
        var registry = new TagRegistry(registrations);
        if (registry.Conflicts.Count > 0)
            throw new InvalidOperationException($"{where}: EPC registered to more than one vehicle: {string.Join(", ", registry.Conflicts)}");
        return registry;
    }

    // A converter is named by IP or host name (DNS is resolved at every dial, so a re-addressed converter is found).
    private static bool TryRemote(string? text, out EndPoint? endpoint)
    {
        endpoint = null;
        var t = text?.Trim() ?? "";
        if (IPEndPoint.TryParse(t, out var ip) && t.Contains(':') && ip.Port != 0 && !ip.Address.Equals(IPAddress.Any))
        {
            endpoint = ip;
            return true;
        }
        var colon = t.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(t.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535 || Uri.CheckHostName(t[..colon]) is UriHostNameType.Unknown)
            return false;
        endpoint = new DnsEndPoint(t[..colon], port);
        return true;
    }

    private static bool TryEndpoint(string? text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        var t = text?.Trim() ?? "";
        if (t.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
            t = "127.0.0.1" + t[9..];
        if (t.StartsWith(':')) t = "0.0.0.0" + t;
        if (!IPEndPoint.TryParse(t, out var parsed) || !t.Contains(':'))
            return false;
        endpoint = parsed;
        return true;
    }
}
