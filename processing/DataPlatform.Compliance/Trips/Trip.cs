using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Compliance.Trips;

/// <summary>An entry, its exit (null while the vehicle is inside or its exit was missed) and the weighings made
/// in between. <see cref="TripPairing"/> guarantees Exit.Time ≥ Entry.Time.</summary>
/// <remarks><paramref name="Weighings"/>: In time order.</remarks>
public sealed record Trip(string TripId, string EnterpriseId, VehicleKey Vehicle, Passage Entry, Passage? Exit,
    IReadOnlyList<Weighing> Weighings)
{
    public bool IsOpen => Exit is null;

    public TripLoad Load => Weighings.Count < 2 ? TripLoad.Unknown
        : Weighings[0].Kg > Weighings[^1].Kg ? TripLoad.Inbound
        : Weighings[0].Kg < Weighings[^1].Kg ? TripLoad.Outbound
        : TripLoad.Empty;

    /// <summary>The heavier of the first and last weighing.</summary>
    public int? GrossKg => Weighings.Count < 2 ? null : Math.Max(Weighings[0].Kg, Weighings[^1].Kg);

    public int? TareKg => Weighings.Count < 2 ? null : Math.Min(Weighings[0].Kg, Weighings[^1].Kg);

    /// <summary>运输量 in kg: gross − tare, whichever came first.</summary>
    public int? NetKg => GrossKg - TareKg;

    /// <summary>The first cargo name any weighing carries.</summary>
    public string? CargoName => Weighings.Select(w => w.CargoName).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));

    // The generated equality would compare Weighings by reference.
    public bool Equals(Trip? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (TripId == other.TripId && EnterpriseId == other.EnterpriseId && Vehicle == other.Vehicle
                && Entry == other.Entry && Exit == other.Exit && Weighings.SequenceEqual(other.Weighings)));

    public override int GetHashCode() => HashCode.Combine(TripId, EnterpriseId, Vehicle, Entry, Exit, Weighings.Count);
}
