using DataPlatform.Gate;

namespace DataPlatform.Devices.Weighbridge;

/// <summary>One vehicle weighed once on one weighbridge.</summary>
/// <remarks>
/// <para><paramref name="EventId"/>: Deterministic (see <see cref="WeighingEventId"/>), so a re-read of the same
/// weighing is recognised downstream as a duplicate.</para>
/// <para><paramref name="Time"/>: China time of the stable reading (or of the software's ticket).</para>
/// <para><paramref name="WeightKg"/>: The stable weight in kilograms.</para>
/// <para><paramref name="TicketNo"/>: The weighbridge software's ticket (磅单) number, when it supplies one.</para>
/// <para><paramref name="CargoName"/>: 货物名称 from the weighbridge software; feeds cargoName of the ledger.</para>
/// <para><paramref name="Plate"/>: The plate the weighbridge software recorded, when it supplies one.</para>
/// </remarks>
public sealed record WeighingEvent(
    string EventId,
    string EnterpriseId,
    string WeighbridgeId,
    DateTimeOffset Time,
    decimal WeightKg,
    WeighingKind Kind,
    string? TicketNo,
    string? CargoName,
    PlateNumber? Plate);
