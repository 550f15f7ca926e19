using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Compliance.Policies;

/// <summary>A blacklisted vehicle (spec §5 downlink: plate + colour, reason, listed/removed times). Removal sets
/// <paramref name="RemovedAt"/> instead of deleting, so a decision replayed for an earlier time still sees it.</summary>
/// <remarks><paramref name="EnterpriseId"/>: null: every enterprise on this platform (a regulator's list).</remarks>
public sealed record BlacklistEntry(
    string? EnterpriseId,
    VehicleKey Vehicle,
    string Reason,
    DateTimeOffset ListedAt,
    DateTimeOffset? RemovedAt = null)
{
    public bool IsActiveAt(DateTimeOffset now) => ListedAt <= now && (RemovedAt is not { } removed || now < removed);

    public bool AppliesTo(string enterpriseId) => EnterpriseId is null || EnterpriseId == enterpriseId;
}
