using DataPlatform.Gate;

namespace DataPlatform.RegulatorBridge.Downlink;

/// <summary>A vehicle put on (or, with <paramref name="RemovedAt"/>, taken off) the regulator's blacklist.</summary>
/// <remarks><paramref name="EnterpriseId"/>: null: applies to every enterprise (a regulator-wide list).</remarks>
public sealed record BlacklistCommand(
    string CommandId,
    DateTimeOffset IssuedAt,
    string? EnterpriseId,
    PlateNumber Plate,
    PlateColor PlateColor,
    string Reason,
    DateTimeOffset ListedAt,
    DateTimeOffset? RemovedAt) : RegulatorCommand(CommandId, IssuedAt);
