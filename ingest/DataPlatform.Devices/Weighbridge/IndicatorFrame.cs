namespace DataPlatform.Devices.Weighbridge;

/// <summary>One decoded continuous-output frame.</summary>
/// <param name="Weight">The displayed (gross or net) weight, signed, in <paramref name="Unit"/>.</param>
/// <param name="Decimals">Digits after the decimal point as the indicator displays them.</param>
/// <param name="Motion">The indicator's motion flag; null when the protocol carries none (XK3190).</param>
/// <param name="IsNet">True when the displayed weight is net of a tare (Toledo status B bit 0).</param>
/// <param name="OutOfRange">Over capacity or under zero: the weight is not a measurement.</param>
/// <param name="Tare">Tare weight when the protocol sends it (Toledo).</param>
public sealed record IndicatorFrame(
    IndicatorProtocol Protocol,
    decimal Weight,
    int Decimals,
    WeightUnit Unit,
    bool? Motion,
    bool IsNet,
    bool OutOfRange,
    decimal? Tare);
