namespace DataPlatform.Compliance.Decisions;

/// <summary>What the exit gate knows about the vehicle's current trip.</summary>
/// <param name="HasEntry">An entry passage of this trip is on record.</param>
/// <param name="IsWeighed">The trip has its weighings (both gross and tare when required).</param>
/// <param name="HasBooking">The trip was booked (预约).</param>
/// <param name="IsBookingClosed">The booking was closed (cargo handed over / loaded).</param>
public sealed record TripState(bool HasEntry, bool IsWeighed, bool HasBooking, bool IsBookingClosed)
{
    /// <summary>Nothing known: used when an exit is decided without trip data.</summary>
    public static TripState Unknown { get; } = new(false, false, false, false);
}
