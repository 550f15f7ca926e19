using DataPlatform.Gate;
using DataPlatform.Ingest.Pictures;

namespace DataPlatform.Ingest.Adapters;

/// <summary>What a vendor payload means: exactly one of a passage (with the pictures it refers to), a
/// <see cref="Rejection"/>, or a heartbeat (a well-formed message that is not a passage, e.g. Hikvision's
/// periodic videoloss/inactive alert or Dahua's KeepAlive).</summary>
public sealed record AdapterResult
{
    private AdapterResult(GateEvent? gateEvent, IReadOnlyList<PictureUpload> pictures, Rejection? rejection, string? heartbeat)
    {
        Event = gateEvent;
        Pictures = pictures;
        Rejection = rejection;
        Heartbeat = heartbeat;
    }

    public GateEvent? Event { get; }

    /// <summary>Checked JPEG/PNG pictures whose references are in <see cref="Event"/>'s Pictures, in order, and the
    /// placeholders of pictures the device sent empty (<see cref="PictureUpload.IsMissing"/>: nothing to store).</summary>
    public IReadOnlyList<PictureUpload> Pictures { get; }

    public Rejection? Rejection { get; }

    /// <summary>For a heartbeat: what the device sent (e.g. "videoloss"), else null.</summary>
    public string? Heartbeat { get; }

    public static AdapterResult Passage(GateEvent gateEvent, IReadOnlyList<PictureUpload> pictures) => new(gateEvent, pictures, null, null);

    public static AdapterResult Reject(string code, string reason) => new(null, [], new Rejection(code, reason), null);

    public static AdapterResult Reject(Rejection rejection) => new(null, [], rejection, null);

    public static AdapterResult Alive(string what) => new(null, [], null, what);

    public override string ToString() =>
        Event is not null ? $"passage {Event.EventId}" : Rejection is not null ? $"{Rejection.Code}: {Rejection.Reason}" : $"heartbeat {Heartbeat}";
}
