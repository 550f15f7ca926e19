using DataPlatform.Gate;

namespace DataPlatform.Devices.Weighbridge;

/// <summary>One vehicle weighed once on one weighbridge.</summary>
/// <param name="EventId">Deterministic (see <see cref="WeighingEventId"/>), so a re-read of the same weighing
/// is recognised downstream as a duplicate.</param>
/// <param name="Time">China time of the stable reading (or of the software's ticket).</param>
/// <param name="WeightKg">The stable weight in kilograms.</param>
/// <param name="TicketNo">The weighbridge software's ticket (磅单) number, when it supplies one.</param>
/// <param name="CargoName">货物名称 from the weighbridge software; feeds cargoName of the ledger.</param>
/// <param name="Plate">The plate the weighbridge software recorded, when it supplies one.</param>
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
