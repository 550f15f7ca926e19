using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Compliance.Policies;

/// <summary>Ends the listing of <paramref name="Vehicle"/> (for <paramref name="EnterpriseId"/>, null = the
/// platform-wide list) at <paramref name="RemovedAt"/>; the entry stays in history.</summary>
public sealed record RemoveBlacklistEntry(
    string? EnterpriseId, VehicleKey Vehicle, DateTimeOffset RemovedAt, DateTimeOffset IssuedAt) : PolicyCommand(IssuedAt);
