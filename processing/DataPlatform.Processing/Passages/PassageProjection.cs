using DataPlatform.Gate;

namespace DataPlatform.Processing.Passages;

/// <summary>Turns a validated gate event into its ledger row. Pure: the same event always gives the same row.</summary>
public static class PassageProjection
{
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
        WholeSeconds(e.PassTime),
        e.Plate.Text,
        e.PlateColor.ToWireName(),
        e.Confidence is { } c ? (float)c : null,
        e.VehicleType?.Code ?? "",
        e.DeviceId ?? "",
        [.. e.Pictures]);

    /// <summary>A pass time as the ledger's <c>DateTime</c> column keeps it: the UTC instant, whole seconds.</summary>
    internal static DateTime WholeSeconds(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
    }
}
