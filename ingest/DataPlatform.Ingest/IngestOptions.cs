using DataPlatform.Ingest.Devices;
using DataPlatform.Pictures;

namespace DataPlatform.Ingest;

/// <summary>The device-facing side of the platform. Bound from the <c>Ingest</c> configuration section.</summary>
public sealed class IngestOptions
{
    /// <summary>Addresses the ingest HTTP listener binds, e.g. <c>http://0.0.0.0:8080</c>.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Largest accepted event body; larger ones are rejected (and kept) as <c>too_large</c>.</summary>
    public int MaxEventBytes { get; set; } = 64 * 1024;

    /// <summary>Largest camera push (vendor XML/JSON plus its pictures, multipart or base64). Pictures make
    /// these far bigger than a bare event.</summary>
    public int MaxPushBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Largest single picture; a bigger one (or one that is not JPEG/PNG) rejects the push.</summary>
    public int MaxPictureBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Directory of the content-addressed picture store. Empty: <c>pictures</c> next to the journal
    /// directory when there is one, else the user's local application data folder. Nothing is ever deleted
    /// from it by the platform: HJ 1321 asks for ≥ 24 months of ledger evidence.</summary>
    public string PictureDirectory { get; set; } = "";

    /// <summary>Which picture store: the local directory above (default) or an S3-compatible bucket
    /// (<c>Ingest:PictureStore:Kind=s3</c>, see <see cref="PictureStoreOptions"/>).</summary>
    public PictureStoreOptions PictureStore { get; set; } = new();

    /// <summary>
    /// Directory of the local write-ahead journal, or empty to do without. Standalone mode sets it because its
    /// broker lives in memory: an event is journaled (fsync) before the device is acknowledged and replayed
    /// into Kafka after a restart. Against a real Kafka cluster acks=all is the durability and this stays empty.
    /// </summary>
    public string JournalDirectory { get; set; } = "";

    /// <summary>Per topic, the consumer group whose committed offsets mean "taken": journal segments behind them
    /// are deleted. Records of a topic not listed count as taken once Kafka acknowledged them.</summary>
    public Dictionary<string, string> JournalConsumerGroups { get; set; } = new()
    {
        ["gate.raw"] = "processing",
        ["gate.deadletter"] = "processing",
        ["gate.weighings"] = "processing",
        ["device.events"] = "alarms",
        ["gate.emission-readings"] = "processing",
        ["registry.changes"] = "processing",
        ["gate.work-area"] = "registers-work-area",
    };

    /// <summary>How often closed journal segments are checked against the ledger writers' progress.</summary>
    public int JournalCompactionSeconds { get; set; } = 30;

    /// <summary>Registered gate devices. Empty (the development default) leaves the generic endpoint open to
    /// anyone; as soon as one device is listed every push must carry that device's credential.</summary>
    public List<DeviceOptions> Devices { get; set; } = [];

    /// <summary>A registered device that sent nothing (event or heartbeat) for this long is reported offline.</summary>
    public int DeviceSilenceSeconds { get; set; } = 180;

    /// <summary>How far an HMAC-signed push's timestamp may be from our clock before it counts as a replay.</summary>
    public int SignatureMaxSkewSeconds { get; set; } = 300;

    /// <summary>Failed authentications raise at most one alarm per device (or address) in this interval, so a
    /// misconfigured or hostile sender cannot flood the alarm topic; the next alarm counts the suppressed ones.</summary>
    public int AuthAlarmIntervalSeconds { get; set; } = 60;

    /// <summary>A device whose captures come with a picture missing this many times within
    /// <see cref="MissingPictureWindowSeconds"/> raises a <c>picture_missing</c> alarm (once per window). Each such
    /// passage is kept, its picture marked <c>missing:</c>, whatever the count.</summary>
    public int MissingPictureAlarmCount { get; set; } = 3;

    /// <summary>The window of <see cref="MissingPictureAlarmCount"/>, in seconds.</summary>
    public int MissingPictureWindowSeconds { get; set; } = 3600;
}
