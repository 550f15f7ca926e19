using DataPlatform.Compliance.Trips;
using DataPlatform.Gate;

namespace DataPlatform.Processing.Trips;

/// <summary>A paired trip → its <c>trips</c> row. Pure: the same trip always gives the same row (and content hash).</summary>
public static class TripProjection
{
    public static TripRow ToRow(Trip trip)
    {
        var entryId = Guid.Parse(trip.Entry.PassageId);
        return new TripRow(
            TripIdentity.For(entryId),
            trip.EnterpriseId,
            trip.Entry.GateId,
            trip.Exit?.GateId ?? "",
            trip.Vehicle.Plate.Text,
            trip.Vehicle.Color.ToWireName(),
            entryId,
            Utc(trip.Entry.Time),
            trip.Exit is { } exit ? Guid.Parse(exit.PassageId) : null,
            trip.Exit is { } e ? Utc(e.Time) : null,
            trip.IsOpen ? "open" : "closed",
            trip.Load.ToString().ToLowerInvariant(),
            trip.GrossKg,
            trip.TareKg,
            trip.NetKg,
            trip.CargoName ?? "",
            [.. trip.Weighings.Select(w => Guid.Parse(w.WeighingId))]);
    }

    private static DateTime Utc(DateTimeOffset t) => DateTime.SpecifyKind(t.UtcDateTime, DateTimeKind.Utc);
}
