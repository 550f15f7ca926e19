using DataPlatform.Gate;

namespace DataPlatform.Compliance.Vehicles;

/// <summary>How the ledger, blacklists and bookings name a vehicle: plate plus colour, because the same plate text
/// is issued in different colours (a yellow 冀B12345 and a blue 冀B12345 are different vehicles).</summary>
public readonly record struct VehicleKey(PlateNumber Plate, PlateColor Color)
{
    /// <summary>Exact match, or a loose match when either side's colour is 未确定: the camera often cannot tell.
    /// Callers decide whether loose matching is safe (it is for deny lists, not for allow lists).</summary>
    public bool MatchesLoosely(PlateNumber plate, PlateColor color) =>
        Plate == plate && (Color == color || Color == PlateColor.Unknown || color == PlateColor.Unknown);

    public override string ToString() => $"{Plate.Text}({Color.ChineseName})";
}
