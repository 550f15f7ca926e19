using DataPlatform.Gate;
using DataPlatform.Ledger;

namespace DataPlatform.Processing.Registers;

/// <summary>A row of <c>in_plant_movements</c> or <c>non_road_sightings</c>; the id derives from the gate
/// event, so a redelivered event is one row.</summary>
public sealed record SightingRow(
    Guid Id,
    bool NonRoad,
    bool Registered,
    string EventId,
    string EnterpriseId,
    string RegistrationCode,
    string PlateNo,
    string PlateColor,
    string MachineryKind,
    string Stage,
    string GateId,
    string LaneId,
    string Kind,
    DateTime PassTime,
    string DeviceId)
{
    public const string Entry = "entry";
    public const string Exit = "exit";
    public const string WorkArea = "work-area";

    public static readonly string[] MovementColumns =
    [
        "movement_id", "event_id", "enterprise_id", "registration_code", "plate_no", "plate_color", "gate_id", "lane_id",
        "kind", "pass_time", "stage", "device_id",
    ];

    public static readonly string[] SightingColumns =
    [
        "sighting_id", "event_id", "enterprise_id", "registered", "registration_code", "plate_no", "plate_color",
        "machinery_kind", "stage", "gate_id", "lane_id", "kind", "pass_time", "device_id",
    ];

    public static readonly LedgerTable<SightingRow> Movements = new("in_plant_movements", "movement_id", "pass_time", MovementColumns,
        r => r.Id, r => r.PassTime,
        r => [r.Id, r.EventId, r.EnterpriseId, r.RegistrationCode, r.PlateNo, r.PlateColor, r.GateId, r.LaneId, r.Kind, r.PassTime, r.Stage, r.DeviceId]);

    public static readonly LedgerTable<SightingRow> Sightings = new("non_road_sightings", "sighting_id", "pass_time", SightingColumns,
        r => r.Id, r => r.PassTime,
        r => [r.Id, r.EventId, r.EnterpriseId, (byte)(r.Registered ? 1 : 0), r.RegistrationCode, r.PlateNo, r.PlateColor,
            r.MachineryKind, r.Stage, r.GateId, r.LaneId, r.Kind, r.PassTime, r.DeviceId]);

    public static string KindOf(GateEvent e, bool workArea) =>
        workArea ? WorkArea : e.Direction == Direction.In ? Entry : Exit;

    public static Guid IdFor(GateEvent e) => DeterministicGuid.For($"sighting\n{e.EnterpriseId}\n{e.EventId}");

    public static DateTime Utc(DateTimeOffset t)
    {
        var at = t.UtcDateTime;
        return new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }
}
