namespace DataPlatform.Rating.Metrics;

/// <summary>The rating figures of one enterprise over one period (JSON names are the snake_case of these, e.g.
/// <c>clean_transport_ratio_incl_nev</c>; definitions in <c>analytics/README.md</c>). Ratios are in [0, 1] and null
/// when their denominator is 0 — never NaN or a fake 0. Tonnes are t, rounded to the kilogram.</summary>
public sealed record RatingMetrics(
    double? CleanTransportRatio,
    double? CleanTransportRatioInclNev,
    double? CompliantRoadShareTonnes,
    double? CompliantRoadShareTrips,
    double? NevHeavyShareTrips,
    double? InPlantCompliance,
    double? NonRoadCompliance,
    decimal RoadTonnes,
    decimal CleanModeTonnes,
    decimal NevHeavyTonnes,
    long RoadTrips,
    long HeavyTrips,
    decimal HeavyTonnes,
    long UnknownStageTrips,
    decimal UnknownStageTonnes,
    int AlertDays,
    int NormalDays,
    long AlertDayInterceptions,
    double? HeavyPassagesPerAlertDay,
    double? HeavyPassagesPerNormalDay)
{
    /// <summary>The metric a criterion names, by its JSON name; null when unknown or undefined.</summary>
    public double? Value(string metric) => metric switch
    {
        MetricNames.CleanTransportRatio => CleanTransportRatio,
        MetricNames.CleanTransportRatioInclNev => CleanTransportRatioInclNev,
        MetricNames.CompliantRoadShareTonnes => CompliantRoadShareTonnes,
        MetricNames.CompliantRoadShareTrips => CompliantRoadShareTrips,
        MetricNames.NevHeavyShareTrips => NevHeavyShareTrips,
        MetricNames.InPlantCompliance => InPlantCompliance,
        MetricNames.NonRoadCompliance => NonRoadCompliance,
        _ => null,
    };
}
