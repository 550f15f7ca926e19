using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DataPlatform.Devices.ETag;
using DataPlatform.Devices.VehicleList;
using DataPlatform.Devices.Weighbridge;
using DataPlatform.Streams;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>What a TCP device adapter publishes: one record on <see cref="Topic"/> under <see cref="Key"/>.
/// <see cref="DeviceMessageCodec"/> is the only place that turns these into bytes and back.</summary>
public interface IDeviceMessage
{
    /// <summary>Deterministic from what identifies the record, so a replayed record is recognised downstream.</summary>
    string MessageId { get; }

    string DeviceId { get; }

    /// <summary>When the adapter received the bytes (China time).</summary>
    DateTimeOffset ReceivedAt { get; }

    string Topic { get; }

    string Key { get; }
}

/// <summary>A weighing from an indicator's stable weight or from weighbridge software, on <see cref="Topics.Weighings"/>
/// keyed <c>enterprise/weighbridge</c> so one weighbridge's weighings stay in order.</summary>
public sealed record WeighingMessage(string DeviceId, DateTimeOffset ReceivedAt, WeighingEvent Weighing) : IDeviceMessage
{
    public string MessageId => Weighing.EventId;

    public string Topic => Topics.Weighings;

    public string Key => $"{Weighing.EnterpriseId}/{Weighing.WeighbridgeId}";
}

/// <summary>A 随车清单 QR read at a gate, on <see cref="Topics.VehicleInfo"/> keyed <c>enterprise/device</c>.</summary>
/// <remarks><paramref name="GateId"/>: The scanner's registered gate, "" when it has none.</remarks>
public sealed record VehicleListMessage(
    string MessageId, string DeviceId, DateTimeOffset ReceivedAt, string EnterpriseId, string GateId, string LaneId,
    VehicleInfo Vehicle) : IDeviceMessage
{
    public string Topic => Topics.VehicleInfo;

    public string Key => $"{EnterpriseId}/{DeviceId}";

    public static string IdFor(string deviceId, DateTimeOffset receivedAt, VehicleInfo vehicle) =>
        DeviceMessageIds.Create("vl-", deviceId, receivedAt, vehicle.DisclosureNumber, vehicle.Vin.Value);
}

/// <summary>An e-tag read, resolved to its registered vehicle or not, on <see cref="Topics.VehicleInfo"/> keyed
/// <c>enterprise/device</c>. An unregistered tag is information (a vehicle whose tag is not in the register yet),
/// not garbage, so it travels here with <see cref="UnknownReason"/> rather than as a dead letter.</summary>
/// <remarks><paramref name="Vehicle"/>: The registration the tag resolved to; null exactly when
/// <see cref="UnknownReason"/> is set.</remarks>
public sealed record TagReadMessage(
    string MessageId, string DeviceId, DateTimeOffset ReceivedAt, string EnterpriseId, string GateId, string LaneId,
    TagRead Read, TagRegistration? Vehicle, string? UnknownReason) : IDeviceMessage
{
    public string Topic => Topics.VehicleInfo;

    public string Key => $"{EnterpriseId}/{DeviceId}";

    public static string IdFor(string deviceId, TagRead read) =>
        DeviceMessageIds.Create("tag-", deviceId, read.Time, read.Epc, read.ReaderId);
}

/// <summary>A registered e-tag read of a reader placed at a lane, also on <see cref="Topics.GateRaw"/> under the lane's
/// key, so processing cross-checks it with the lane's camera reads in order (<see cref="LaneTagRead"/>).</summary>
public sealed record LaneTagReadMessage(string DeviceId, DateTimeOffset ReceivedAt, LaneTagRead Read) : IDeviceMessage
{
    public string MessageId => Read.EventId;

    public string Topic => Topics.GateRaw;

    public string Key => Read.PartitionKey;
}

internal static class DeviceMessageIds
{
    // Same alphabet and length limit as gate event ids, so every stage can treat ids alike.
    public static string Create(string prefix, string deviceId, DateTimeOffset time, string a, string b)
    {
        var key = string.Join('\n', deviceId, time.UtcTicks.ToString(CultureInfo.InvariantCulture), a, b);
        return prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 12));
    }
}
