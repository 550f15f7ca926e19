using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorSimulator.Platform;

/// <summary>What the platform read from one upload payload, or why it refuses it.</summary>
internal sealed record UploadInspection(
    string? Refusal,
    string RecordId,
    string ModeFlag,
    UploadMode Mode,
    string? GateId,
    string? LaneId,
    DateTimeOffset? EventTime,
    CompletenessResult Completeness,
    IReadOnlyDictionary<string, string> Fields)
{
    public bool IsAccepted => Refusal is null;

    public static UploadInspection Refuse(string why, string recordId = "") =>
        new(why, recordId, "", UploadMode.RealTime, null, null, null, new CompletenessResult([], []), new Dictionary<string, string>());

    /// <summary>A field's text by field id, or null.</summary>
    public string? Get(string fieldId) => Fields.TryGetValue(fieldId, out var v) ? v : null;
}
