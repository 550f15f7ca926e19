using Microsoft.ML.Data;

namespace DataPlatform.MachineLearning.Features;

/// <summary>A smoke-opacity reading as the features see it.</summary>
public sealed record OpacityObservation(Guid ReadingId, string Plate, DateTimeOffset At, double? K, double? OpacityPercent)
{
    /// <summary>GB 3847-2018 限值a: free acceleration k 1.2 m⁻¹, or opacity 40 % — the same limit as the
    /// <c>opacity-over-limit</c> alarm rule.</summary>
    public const double LimitK = 1.2;
    public const double LimitOpacityPercent = 40;

    public bool OverLimit => K > LimitK || OpacityPercent > LimitOpacityPercent;
}

/// <summary>What the ledger knows of a vehicle apart from its readings: from its gate decisions (stage as decided
/// on), its passages (type) and the register (fuel, use nature, fleet, register date) when it is registered.</summary>
/// <remarks>
/// <para><paramref name="Stage"/>: EmissionStage numeric value (40 国四, 50 国五, 60+ 国六, 100 electric), null
/// unknown.</para>
/// <para><paramref name="RegisterDate"/>: 注册登记日期 from the road register (<c>fields['registerDate']</c>), null
/// unknown.</para>
/// </remarks>
public sealed record VehicleProfile(string Plate, string Carrier, string VehicleType, int? Stage, string Fuel, string UseNature, DateOnly? RegisterDate);

/// <summary>One vehicle's smoking-risk example at a cut-off: its reading history and attributes before it.</summary>
public sealed class SmokingFeatures
{
    public static readonly string[] Names =
    [
        nameof(HasReadings), nameof(ReadingCount), nameof(LastK), nameof(MaxK), nameof(MeanK), nameof(KTrendPer30Days),
        nameof(OverLimitShare), nameof(DaysSinceLastReading), nameof(Stage), nameof(StageKnown), nameof(IsDiesel), nameof(IsGas),
        nameof(IsHazmat), nameof(IsTractor), nameof(RegisterAgeYears), nameof(CarrierOverLimitShare), nameof(CarrierReadings),
        nameof(Entries), nameof(Denials),
    ];

    public float HasReadings { get; set; }
    public float ReadingCount { get; set; }
    public float LastK { get; set; }
    public float MaxK { get; set; }
    public float MeanK { get; set; }

    /// <summary>Least-squares slope of k over time, per 30 days (0 with fewer than two readings).</summary>
    public float KTrendPer30Days { get; set; }
    public float OverLimitShare { get; set; }
    public float DaysSinceLastReading { get; set; }
    /// <summary>EmissionStage value; unknown = the median stage of the vehicles seen (<see cref="StageKnown"/> is 0).</summary>
    public float Stage { get; set; }
    public float StageKnown { get; set; }
    public float IsDiesel { get; set; }
    public float IsGas { get; set; }
    public float IsHazmat { get; set; }
    public float IsTractor { get; set; }

    /// <summary>Years from the register date to the cut-off's China day (days / 365.25). Leakage-safe: a register date
    /// after the cut-off was not yet true then (the register keeps only the latest record, e.g. after a re-registration)
    /// and counts as unknown; an unknown date takes the median of the vehicles' dates on or before the cut-off day; 0
    /// when none has one (then the feature is constant and the trees never split on it).</summary>
    public float RegisterAgeYears { get; set; }

    /// <summary>Share of the fleet's (carrier's) OTHER vehicles' readings over the limit: fleet history.</summary>
    public float CarrierOverLimitShare { get; set; }
    public float CarrierReadings { get; set; }
    public float Entries { get; set; }

    /// <summary>Interceptions (deny decisions) of the vehicle.</summary>
    public float Denials { get; set; }

    /// <summary>Training: the next reading was over the limit, or a reviewer confirmed the vehicle smokes.</summary>
    public bool Label { get; set; }

    [NoColumn]
    public string Plate { get; set; } = "";
}
