namespace DataPlatform.Devices.Weighbridge;

/// <summary>One weight reading on the time line, in kilograms: what <see cref="StableWeightDetector"/> consumes.</summary>
/// <param name="Motion">Null when the indicator does not say; then only the tolerance decides stability.</param>
/// <param name="OutOfRange">Over capacity or under zero: never part of a stable weight.</param>
public sealed record IndicatorReading(DateTimeOffset Time, decimal WeightKg, bool? Motion, bool OutOfRange = false)
{
    private const decimal KgPerPound = 0.45359237m;

    /// <summary>Converts a frame received at <paramref name="time"/>.</summary>
    /// <param name="kgPerUnspecifiedUnit">For frames that state no unit (XK3190): 1 for an indicator calibrated
    /// in kg, 1000 for one in tonnes.</param>
    public static IndicatorReading FromFrame(IndicatorFrame frame, DateTimeOffset time, decimal kgPerUnspecifiedUnit = 1m)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var kg = frame.Unit switch
        {
            WeightUnit.Kilogram => frame.Weight,
            WeightUnit.Pound => decimal.Round(frame.Weight * KgPerPound, 3),
            WeightUnit.Gram => frame.Weight / 1000m,
            _ => frame.Weight * kgPerUnspecifiedUnit,
        };
        return new IndicatorReading(time, kg, frame.Motion, frame.OutOfRange);
    }
}
