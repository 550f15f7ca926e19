using System.Globalization;

namespace DataPlatform.Reports.Model;

/// <summary>Builds a <see cref="ReportModel"/> from the ledger. Reads no clock: the model depends on the ledger
/// and the period only.</summary>
public sealed class ReportModelBuilder(ReportQueries queries, ForecastQueries forecasts)
{
    private static readonly string[] Weekdays = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

    /// <summary>Months of the stage and fuel trends: the report's month and the 5 before it.</summary>
    public const int TrendMonths = 6;

    public async Task<ReportModel> BuildAsync(ReportPeriod period, CancellationToken ct)
    {
        var (e, from, to) = (period.EnterpriseId, period.From, period.To);
        var trendFrom = new DateOnly(from.Year, from.Month, 1).AddMonths(-(TrendMonths - 1));
        // One query per figure family, each reading its table once for the period; they are independent, so the
        // engine runs them side by side (the result does not depend on the order).
        var passageRows = queries.PassagesAsync(e, from, to, ct);
        var factRows = queries.EntryFactsAsync(e, trendFrom, to, ct);
        // A weekly period starts inside its month: its structure comes from the period's own entries only.
        var periodFacts = period.Kind == ReportKind.Monthly ? null : queries.EntryFactsAsync(e, from, to, ct);
        var interceptionRows = queries.InterceptionsAsync(e, from, to, ct);
        var offline = queries.OfflineAlarmsAsync(e, from, to, ct);
        var regulator = queries.RegulatorAsync(e, from, to, ct);
        var passages = await passageRows;
        var daily = FillDays(passages.Daily, from, to);
        var forecastSection = forecasts.ReadAsync(e, from, to, daily, ct);
        var facts = await factRows;
        var inPeriod = periodFacts is null
            ? facts.Where(f => f.Month >= new DateOnly(from.Year, from.Month, 1)).ToList()
            : await periodFacts;
        var interceptions = await interceptionRows;
        var offlineAlarms = await offline;
        return new ReportModel(
            period,
            new PassageTotals(daily.Sum(d => d.Entries), daily.Sum(d => d.Exits), interceptions.ByRule.Sum(i => i.Count), passages.DistinctVehicles),
            daily,
            StageShares(inPeriod),
            FuelShares(inPeriod),
            Trend(facts, trendFrom, StageShares),
            Trend(facts, trendFrom, rows => FuelShares(rows, FuelOrder(facts))),
            interceptions.ByRule,
            Carriers(inPeriod),
            HeatMap(interceptions.ByHour),
            Devices(passages.Devices, offlineAlarms, period.Days),
            await regulator,
            passages.Reviews,
            await forecastSection);
    }

    private static List<DailyPassages> FillDays(List<DailyPassages> rows, DateOnly from, DateOnly to)
    {
        var byDay = rows.ToDictionary(r => r.Day);
        return Enumerable.Range(0, to.DayNumber - from.DayNumber + 1)
            .Select(i => from.AddDays(i))
            .Select(d => byDay.GetValueOrDefault(d) ?? new DailyPassages(d, 0, 0))
            .ToList();
    }

    private static List<ShareRow> StageShares(IEnumerable<EntryFacts> facts) =>
        VehicleClasses.Shares(facts.Select(f => (VehicleClasses.StageGroup(f.Stage), f.Entries)), VehicleClasses.StageGroups);

    private static List<ShareRow> FuelShares(IReadOnlyCollection<EntryFacts> facts) => FuelShares(facts, FuelOrder(facts));

    private static List<ShareRow> FuelShares(IEnumerable<EntryFacts> facts, IReadOnlyList<(string Code, string Name)> order) =>
        VehicleClasses.Shares(facts.Select(f => (VehicleClasses.FuelName(f.Fuel), f.Entries)), order);

    /// <summary>Fuels by entries, most first (ties by name): over the period for its structure, over the six months
    /// for the trend, so each month of the trend lists the same fuels in the same order.</summary>
    private static List<(string Code, string Name)> FuelOrder(IEnumerable<EntryFacts> facts) =>
        facts.GroupBy(f => VehicleClasses.FuelName(f.Fuel))
            .Select(g => (Name: g.Key, Count: g.Sum(f => f.Entries)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => (g.Name, g.Name))
            .ToList();

    private static List<MonthShares> Trend(IReadOnlyCollection<EntryFacts> facts, DateOnly trendFrom, Func<List<EntryFacts>, List<ShareRow>> shares) =>
        Enumerable.Range(0, TrendMonths)
            .Select(i => trendFrom.AddMonths(i))
            .Select(month =>
            {
                var rows = facts.Where(f => f.Month == month).ToList();
                return new MonthShares(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), rows.Sum(r => r.Entries), shares(rows));
            })
            .ToList();

    private static List<CarrierRank> Carriers(IEnumerable<EntryFacts> facts) =>
        facts.GroupBy(f => f.Owner.Length == 0 ? "未登记承运单位" : f.Owner)
            .Select(g => (Carrier: g.Key, Entries: g.Sum(f => f.Entries),
                Compliant: g.Where(f => VehicleClasses.IsGuo6OrNev(f.Stage)).Sum(f => f.Entries),
                Denied: g.Sum(f => f.Denied)))
            .OrderByDescending(c => (double)c.Compliant / c.Entries).ThenByDescending(c => c.Entries)
            .ThenBy(c => c.Carrier, StringComparer.Ordinal)
            .Take(20)
            .Select((c, i) => new CarrierRank(i + 1, c.Carrier, c.Entries, c.Compliant, (double)c.Compliant / c.Entries, c.Denied))
            .ToList();

    private static ViolationHeatMap HeatMap(List<(int Weekday, int Hour, long Count)> cells)
    {
        var grid = new long[7, 24];
        foreach (var (weekday, hour, count) in cells) grid[weekday - 1, hour] = count;
        var rows = Enumerable.Range(0, 7)
            .Select(d => new HeatMapRow(Weekdays[d], Enumerable.Range(0, 24).Select(h => grid[d, h]).ToList()))
            .ToList();
        var peak = cells.OrderByDescending(c => c.Count).ThenBy(c => c.Weekday).ThenBy(c => c.Hour).FirstOrDefault();
        return new ViolationHeatMap(rows, cells.Count == 0 ? 0 : cells.Max(c => c.Count),
            cells.Count == 0 ? "无拦截记录" : $"{Weekdays[peak.Weekday - 1]} {peak.Hour:00}:00–{peak.Hour + 1:00}:00（{peak.Count} 次）");
    }

    private static List<DeviceQuality> Devices(List<DeviceReads> reads, Dictionary<string, long> offlineAlarms, int days) =>
        reads.Select(d => new DeviceQuality(d.DeviceId, d.Passages, d.AverageConfidence,
                d.Passages == 0 ? 0 : (double)d.LowConfidence / d.Passages,
                d.Passages == 0 ? 0 : (double)d.Flagged / d.Passages,
                d.ActiveDays, (double)d.ActiveDays / days, offlineAlarms.GetValueOrDefault(d.DeviceId)))
            .ToList();
}
