using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;

namespace DataPlatform.Compliance.Trips;

/// <summary>One gate passage as trip pairing needs it.</summary>
/// <remarks><paramref name="PassageId"/>: Unique per passage; duplicates (redeliveries) share it.</remarks>
public sealed record Passage(
    string PassageId, string EnterpriseId, string GateId, VehicleKey Vehicle, Direction Direction, DateTimeOffset Time)
{
    /// <summary>The event id is the passage id: redeliveries of one event collapse into one passage.</summary>
    public static Passage From(GateEvent e) =>
        new(e.EventId, e.EnterpriseId, e.GateId, new VehicleKey(e.Plate, e.PlateColor), e.Direction, e.PassTime);
}
