namespace DataPlatform.Compliance.Trips;

/// <param name="MaxTripDuration">An exit later than this after the entry is not paired with it (the entry stays
/// open, the exit becomes an orphan): a truck's exit three weeks later is a missed passage, not a trip.
/// Null: no limit.</param>
public sealed record TripPairingOptions(TimeSpan? MaxTripDuration = null)
{
    public static TripPairingOptions Default { get; } = new();
}
