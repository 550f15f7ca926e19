namespace DataPlatform.Devices.Weighbridge;

/// <summary>One decoded continuous-output frame.</summary>
/// <remarks>
/// <para><paramref name="Weight"/>: The displayed (gross or net) weight, signed, in <paramref name="Unit"/>.</para>
/// <para><paramref name="Decimals"/>: Digits after the decimal point as the indicator displays them.</para>
/// <para><paramref name="Motion"/>: The indicator's motion flag; null when the protocol carries none (XK3190).</para>
/// <para><paramref name="IsNet"/>: True when the displayed weight is net of a tare (Toledo status B bit 0).</para>
/// <para><paramref name="OutOfRange"/>: Over capacity or under zero: the weight is not a measurement.</para>
/// <para><paramref name="Tare"/>: Tare weight when the protocol sends it (Toledo).</para>
/// </remarks>
public sealed record IndicatorFrame(
    IndicatorProtocol Protocol,
    decimal Weight,
    int Decimals,
    WeightUnit Unit,
    bool? Motion,
    bool IsNet,
    bool OutOfRange,
    decimal? Tare);
