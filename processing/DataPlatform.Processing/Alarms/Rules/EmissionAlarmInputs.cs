using System.Globalization;
using DataPlatform.Streams;

namespace DataPlatform.Processing.Alarms.Rules;

/// <summary>Emission readings → <see cref="AlarmInput"/>. Pure.</summary>
public static class EmissionAlarmInputs
{
    public static AlarmInput FromOpacityReading(OpacityReading r) => new(
        AlarmSources.EmissionReading,
        $"{r.DeviceId}:{r.ReadingId}",
        r.EnterpriseId,
        r.GateId,
        r.PlateNo,
        r.MeasuredAt,
        "",
        "",
        r.PlateColor,
        "",
        [Reason(r)],
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["plate"] = r.PlateNo,
            ["gate"] = r.GateId,
            ["lane"] = r.LaneId,
            ["device"] = r.DeviceId,
            ["opacity"] = Text(r.OpacityPercent),
            ["coefficient"] = Text(r.AbsorptionCoefficient),
            ["method"] = r.Method,
            ["reason"] = Reason(r),
        })
    {
        OpacityPercent = r.OpacityPercent,
        AbsorptionCoefficient = r.AbsorptionCoefficient,
    };

    private static string Reason(OpacityReading r) =>
        $"不透光度 {Text(r.OpacityPercent)}%，光吸收系数 {Text(r.AbsorptionCoefficient)} m⁻¹，检测方法 {r.Method}";

    private static string Text(decimal? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "—";
}
