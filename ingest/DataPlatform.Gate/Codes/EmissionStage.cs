namespace DataPlatform.Gate;

/// <summary>排放阶段. Values are ordered for comparisons among combustion stages (国六a/国六b sit just above
/// 国六); <see cref="Electric"/> is above and <see cref="None"/> below every combustion stage. Prefer
/// <c>IsAtLeast</c>, which spells that out.</summary>
public enum EmissionStage
{
    /// <summary>X: no stage (non-road machinery only).</summary>
    None = -1,
    Guo0 = 0,
    Guo1 = 10,
    Guo2 = 20,
    Guo3 = 30,
    Guo4 = 40,
    Guo5 = 50,

    /// <summary>国六 without a known sub-stage.</summary>
    Guo6 = 60,

    /// <summary>国六a: internal only, uploads as 6.</summary>
    Guo6a = 61,

    /// <summary>国六b: internal only, uploads as 6.</summary>
    Guo6b = 62,

    /// <summary>D: battery or fuel-cell electric.</summary>
    Electric = 100,
}
