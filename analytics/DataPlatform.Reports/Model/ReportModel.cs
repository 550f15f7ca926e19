namespace DataPlatform.Reports.Model;

/// <summary>Everything a monthly report or weekly digest shows, read from the ledger for one enterprise and period.
/// Lists are in a fixed order (by day, by count then name, …) so the same ledger renders the same bytes.</summary>
public sealed record ReportModel(
    ReportPeriod Period,
    PassageTotals Totals,
    IReadOnlyList<DailyPassages> Daily,
    IReadOnlyList<ShareRow> Stages,
    IReadOnlyList<ShareRow> Fuels,
    IReadOnlyList<MonthShares> StageTrend,
    IReadOnlyList<MonthShares> FuelTrend,
    IReadOnlyList<RuleInterceptions> Interceptions,
    IReadOnlyList<CarrierRank> Carriers,
    ViolationHeatMap HotHours,
    IReadOnlyList<DeviceQuality> Devices,
    RegulatorSummary Regulator,
    ReviewBacklog Reviews,
    ForecastSection? Forecasts);

public sealed record PassageTotals(long Entries, long Exits, long Interceptions, long DistinctVehicles);

public sealed record DailyPassages(DateOnly Day, long Entries, long Exits);

/// <summary>One class of a structure (an emission stage group, a fuel) with its count and share of the whole.</summary>
public sealed record ShareRow(string Code, string Name, long Count, double Share);

/// <summary>Entries of one month by class: stage group (same groups and order as <see cref="ReportModel.Stages"/>) or
/// fuel (the same fuels, in the same order, every month of the trend).</summary>
public sealed record MonthShares(string Month, long Total, IReadOnlyList<ShareRow> Groups);

public sealed record RuleInterceptions(string RuleId, string RuleText, long Count);

/// <summary>A carrier (承运单位, the register's owner) ranked by the share of its entries made by 国六 or new-energy
/// vehicles.</summary>
public sealed record CarrierRank(int Rank, string Carrier, long Entries, long CompliantEntries, double CompliantShare, long Interceptions);

/// <summary>Interceptions by weekday (1 = Monday … 7 = Sunday) and hour (0–23, China time).</summary>
public sealed record ViolationHeatMap(IReadOnlyList<HeatMapRow> Rows, long Max, string PeakLabel);

public sealed record HeatMapRow(string Weekday, IReadOnlyList<long> Hours);

/// <summary>A gate device's month: reads, recognition quality, days with traffic and offline alarms.</summary>
public sealed record DeviceQuality(string DeviceId, long Passages, double? AverageConfidence, double LowConfidenceShare,
    double FlaggedShare, int ActiveDays, double ActiveDayShare, long OfflineAlarms);

/// <summary>Spec §5 rates summed over the period and the enterprise's gates, with 补传 volume from the upload log.</summary>
public sealed record RegulatorSummary(long Generated, long OnTime, long Backfilled, long Uploaded, long Complete,
    double? TransmissionRate, double? CompletenessRate, long BackfillRecords, long BackfillAttempts);

public sealed record ReviewBacklog(long Pending, string? OldestPassTime, IReadOnlyList<PendingReview> Oldest);

public sealed record PendingReview(string PassTime, string GateId, string PlateNo, string Reason);

/// <summary>Forecasts against actuals and anomaly flags, present only where the ML tables exist and hold rows.</summary>
public sealed record ForecastSection(IReadOnlyList<ForecastRow> Days, IReadOnlyList<AnomalyRow> Anomalies);

public sealed record ForecastRow(DateOnly Day, double Forecast, long Actual);

public sealed record AnomalyRow(string Day, string Metric, string Detail);
