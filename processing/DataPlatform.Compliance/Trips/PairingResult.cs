namespace DataPlatform.Compliance.Trips;

/// <summary>Trips (closed and open), exits without an entry, and weighings that fall in no trip; each list in a
/// canonical order, so two results compare with <c>SequenceEqual</c>.</summary>
public sealed record PairingResult(
    IReadOnlyList<Trip> Trips, IReadOnlyList<Passage> OrphanExits, IReadOnlyList<Weighing> UnmatchedWeighings)
{
    public bool SameAs(PairingResult other) =>
        Trips.SequenceEqual(other.Trips) && OrphanExits.SequenceEqual(other.OrphanExits)
        && UnmatchedWeighings.SequenceEqual(other.UnmatchedWeighings);
}
