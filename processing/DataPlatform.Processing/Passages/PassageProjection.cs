using DataPlatform.Gate;

namespace DataPlatform.Processing.Passages;

/// <summary>Turns a validated gate event into its ledger row. Pure: the same event always gives the same row.</summary>
public static class PassageProjection
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static PassageRow ToRow(GateEvent e) => new(
        PassageIdentity.For(e.EnterpriseId, e.GateId, e.EventId),
        e.EventId,
        e.EnterpriseId,
        e.GateId,
        e.LaneId,
        (byte)e.Direction,
        // The column is DateTime('Asia/Shanghai'); hand the driver the UTC instant so no local zone leaks in,
        // cut to whole seconds as the column keeps it: the row's seal is computed from this value and must be
        // recomputable from what ClickHouse gives back.
        WholeSeconds(DateTime.SpecifyKind(e.PassTime.ToOffset(ChinaOffset).UtcDateTime, DateTimeKind.Utc)),
        e.Plate.Text,
        e.PlateColor.ToWireName(),
        e.Confidence is { } c ? (float)c : null,
        e.VehicleType?.Code ?? "",
        e.DeviceId ?? "",
        [.. e.Pictures]);

    private static DateTime WholeSeconds(DateTime utc) => utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
}
