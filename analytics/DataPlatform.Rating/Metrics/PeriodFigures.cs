namespace DataPlatform.Rating.Metrics;

/// <summary>The additive figures of one enterprise over a period as the ledger holds them (the sum of its daily
/// rows, plus the registers as they stood at the period's end). Everything a rule set may ask is derived from
/// these by <see cref="MetricFormulas"/>, so a rule set choosing "stage ≥ 5" instead of "6 or D" needs no other
/// query. Stage keys are the stored stage codes; the empty key holds vehicles the register does not know.</summary>
/// <param name="RoadTrips">Closed trips with an inbound or outbound load whose entry falls in the period.</param>
/// <param name="RoadKg">Σ net_kg of those trips.</param>
/// <param name="HeavyTripsByStage">Of those, heavy-goods-vehicle trips by the stage in force at entry.</param>
/// <param name="HeavyKgByStage">Their Σ net_kg by stage.</param>
/// <param name="UnknownStageTrips">Road trips whose vehicle the register did not know (any vehicle type).</param>
/// <param name="UnknownStageKg">Their Σ net_kg.</param>
/// <param name="CleanModeTonnes">Σ tonnes of imported rail, water, pipeline and conveyor shipments, in and out.</param>
/// <param name="AlertDays">Days with any gate decision taken under a heavy-pollution alert.</param>
/// <param name="NormalDays">Days of the period with traffic and no alert.</param>
/// <param name="HeavyPassagesAlertDays">Heavy-truck entry passages on alert days.</param>
/// <param name="HeavyPassagesNormalDays">Heavy-truck entry passages on normal days.</param>
/// <param name="AlertDayInterceptions">Entries denied at the gate on alert days.</param>
/// <param name="InPlantByStage">In-plant vehicles by stage, each register record's latest version before the period's end.</param>
/// <param name="NonRoadByStage">Non-road machines by stage, likewise.</param>
public sealed record PeriodFigures(
    long RoadTrips,
    long RoadKg,
    IReadOnlyDictionary<string, long> HeavyTripsByStage,
    IReadOnlyDictionary<string, long> HeavyKgByStage,
    long UnknownStageTrips,
    long UnknownStageKg,
    decimal CleanModeTonnes,
    int AlertDays,
    int NormalDays,
    long HeavyPassagesAlertDays,
    long HeavyPassagesNormalDays,
    long AlertDayInterceptions,
    IReadOnlyDictionary<string, long> InPlantByStage,
    IReadOnlyDictionary<string, long> NonRoadByStage)
{
    public static PeriodFigures Empty { get; } = new(0, 0, new Dictionary<string, long>(), new Dictionary<string, long>(),
        0, 0, 0m, 0, 0, 0, 0, 0, new Dictionary<string, long>(), new Dictionary<string, long>());
}
