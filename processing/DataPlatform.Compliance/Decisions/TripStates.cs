using DataPlatform.Compliance.Policies;

namespace DataPlatform.Compliance.Decisions;

/// <summary>
/// Builds the <see cref="TripState"/> an exit is decided with, from data only (the last entry, the weighings seen,
/// the bookings active at entry), so the decision stays a pure function of its inputs.
/// <list type="bullet">
/// <item>Weighed: at least <c>weighingsRequired</c> weighings at or after the entry (gross and tare by default, so
/// the net quantity is known).</item>
/// <item>Booking closed: the trip is weighed and, when the booking names a cargo, a weighing recorded that cargo —
/// the weighbridge ticket is what closes a 预约; a truck weighed with another cargo than booked leaves only after
/// a look.</item>
/// </list>
/// </summary>
public static class TripStates
{
    public const int DefaultWeighingsRequired = 2;

    public static TripState For(
        DateTimeOffset? enteredAt, IEnumerable<WeighingSeen> weighings, IReadOnlyList<Booking> bookingsAtEntry,
        int weighingsRequired = DefaultWeighingsRequired)
    {
        if (enteredAt is not { } entry)
            return TripState.Unknown with { HasBooking = bookingsAtEntry.Count > 0 };
        var since = weighings.Where(w => w.Time >= entry).ToList();
        var weighed = since.Count >= weighingsRequired;
        var hasBooking = bookingsAtEntry.Count > 0;
        var cargoMatches = bookingsAtEntry.All(b => string.IsNullOrWhiteSpace(b.CargoName))
                           || since.Any(w => bookingsAtEntry.Any(b => string.Equals(b.CargoName?.Trim(), w.CargoName?.Trim(), StringComparison.Ordinal)));
        return new TripState(true, weighed, hasBooking, hasBooking && weighed && cargoMatches);
    }
}
