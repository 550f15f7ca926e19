using DataPlatform.Gate;

namespace DataPlatform.RegulatorSimulator.Commands;

/// <summary>Put a vehicle on the blacklist (or take it off, with <paramref name="RemovedAt"/>).</summary>
/// <remarks>
/// <para><paramref name="EnterpriseCode"/>: null: a regulator-wide list sent to every enterprise.</para>
/// <para><paramref name="ListedAt"/>: null: now.</para>
/// </remarks>
public sealed record BlacklistOrder(
    string PlateNo,
    PlateColor PlateColor,
    string Reason,
    DateTimeOffset? ListedAt = null,
    DateTimeOffset? RemovedAt = null,
    string? EnterpriseCode = null);
