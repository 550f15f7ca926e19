namespace DataPlatform.Rating.Metrics;

/// <summary>The JSON names of the ratio metrics a criterion may judge (and <c>rating evidence --metric</c> drills).</summary>
public static class MetricNames
{
    public const string CleanTransportRatio = "clean_transport_ratio";
    public const string CleanTransportRatioInclNev = "clean_transport_ratio_incl_nev";
    public const string CompliantRoadShareTonnes = "compliant_road_share_tonnes";
    public const string CompliantRoadShareTrips = "compliant_road_share_trips";
    public const string NevHeavyShareTrips = "nev_heavy_share_trips";
    public const string InPlantCompliance = "in_plant_compliance";
    public const string NonRoadCompliance = "non_road_compliance";

    public static IReadOnlyList<string> Ratios { get; } =
    [
        CleanTransportRatio, CleanTransportRatioInclNev, CompliantRoadShareTonnes, CompliantRoadShareTrips,
        NevHeavyShareTrips, InPlantCompliance, NonRoadCompliance,
    ];
}
