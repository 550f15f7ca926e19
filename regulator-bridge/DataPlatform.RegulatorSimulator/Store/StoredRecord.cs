using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorSimulator.Store;

/// <summary>A record the platform accepted, once per record id.</summary>
/// <remarks>
/// <para><paramref name="ModeFlag"/>: The upload-type value exactly as sent (e.g. "0" / "1"); <paramref name="Mode"/>
/// is its reading.</para>
/// <para><paramref name="GateId"/>: 出入口编号 of a passage; null for registers and images.</para>
/// <para><paramref name="EventTime"/>: A passage's passTime (China time); null when the kind has none.</para>
/// <para><paramref name="AcknowledgedAt"/>: When a success answer for this id first left the platform; null while every
/// answer was lost, refused or unsigned.</para>
/// <para><paramref name="Repeats"/>: How many later attempts carried the same id and were dropped.</para>
/// <para><paramref name="FileId"/>: For images: the file id the platform gave back.</para>
/// </remarks>
public sealed record StoredRecord(
    string RecordId,
    RecordKind Kind,
    string EnterpriseCode,
    string? GateId,
    string? LaneId,
    string ModeFlag,
    UploadMode Mode,
    DateTimeOffset? EventTime,
    DateTimeOffset FirstReceivedAt,
    DateTimeOffset? AcknowledgedAt,
    CompletenessResult Completeness,
    string Profile,
    int Repeats,
    string? FileId,
    string Payload)
{
    /// <summary>The China calendar day the record belongs to: its event time's, else the day it arrived.</summary>
    public DateOnly Day => DateOnly.FromDateTime(Gate.ChinaTime.From(EventTime ?? FirstReceivedAt).DateTime);
}
