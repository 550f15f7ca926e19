using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Compliance.Policies;

/// <summary>预约: a vehicle expected at an enterprise within a window.</summary>
/// <remarks>
/// <para><paramref name="WindowStart"/>: Inclusive.</para>
/// <para><paramref name="WindowEnd"/>: Exclusive.</para>
/// <para><paramref name="WhitelistEffect"/>: Whether the booking pre-loads the vehicle into the whitelist of policies
/// that allow whitelist exemptions (e.g. a booked 民生 delivery during an alert).</para>
/// </remarks>
public sealed record Booking(
    string Id,
    string EnterpriseId,
    VehicleKey Vehicle,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    string? CargoName,
    bool WhitelistEffect)
{
    public bool IsActiveAt(DateTimeOffset now) => WindowStart <= now && now < WindowEnd;
}
