namespace DataPlatform.Devices.Weighbridge;

/// <summary>One weight reading on the time line, in kilograms: what <see cref="StableWeightDetector"/> consumes.</summary>
/// <remarks>
/// <para><paramref name="Motion"/>: Null when the indicator does not say; then only the tolerance decides
/// stability.</para>
/// <para><paramref name="OutOfRange"/>: Over capacity or under zero: never part of a stable weight.</para>
/// </remarks>
public sealed record IndicatorReading(DateTimeOffset Time, decimal WeightKg, bool? Motion, bool OutOfRange = false)
{
    private const decimal KgPerPound = 0.45359237m;

    /// <summary>Converts a frame received at <paramref name="time"/>.</summary>
    /// <remarks><paramref name="kgPerUnspecifiedUnit"/>: For frames that state no unit (XK3190): 1 for an indicator
    /// calibrated in kg, 1000 for one in tonnes.</remarks>
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
