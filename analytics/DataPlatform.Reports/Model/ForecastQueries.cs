namespace DataPlatform.Reports.Model;

/// <summary>Forecasts against actuals and anomaly flags, from the machine-learning stage's tables
/// (<c>traffic_forecasts</c>, <c>anomaly_flags</c>, migrations 0090–0099). Read only where those tables exist;
/// <see cref="ReadAsync"/> returns null when they are missing or hold nothing for the period, and the report leaves
/// the section out.</summary>
public sealed class ForecastQueries(LedgerQuery query)
{
    public async Task<ForecastSection?> ReadAsync(string e, DateOnly from, DateOnly to, IReadOnlyList<DailyPassages> actual, CancellationToken ct)
    {
        var days = await query.TableExistsAsync("traffic_forecasts", ct)
            ? await query.RowsAsync(
                """
                SELECT toDate(hour_start) AS day, sum(predicted) AS predicted
                FROM
                (
                    SELECT gate_id, hour_start, argMax(predicted, forecast_at) AS predicted
                    FROM traffic_forecasts FINAL
                    WHERE enterprise_id = {e:String} AND direction = 1 AND toDate(hour_start) BETWEEN {from:Date} AND {to:Date}
                    GROUP BY gate_id, hour_start
                )
                GROUP BY day ORDER BY day
                """,
                LedgerQuery.Period(e, from, to),
                r => new ForecastRow(r.Day("day"), Math.Round(r.NullableDouble("predicted") ?? 0, 1),
                    actual.FirstOrDefault(a => a.Day == r.Day("day"))?.Entries ?? 0), ct)
            : [];
        var anomalies = await query.TableExistsAsync("anomaly_flags", ct)
            ? await query.RowsAsync(
                """
                SELECT formatDateTime(observed_from, '%Y-%m-%d %H:%i') AS observed, kind, title, detail
                FROM anomaly_flags FINAL
                WHERE enterprise_id = {e:String} AND toDate(observed_from) BETWEEN {from:Date} AND {to:Date} AND status != 'dismissed'
                ORDER BY observed_from, flag_id
                LIMIT 50
                """,
                LedgerQuery.Period(e, from, to),
                r => new AnomalyRow(r.Text("observed"), r.Text("kind"), r.Text("title") + (r.Text("detail").Length > 0 ? "：" + r.Text("detail") : "")), ct)
            : [];
        return days.Count == 0 && anomalies.Count == 0 ? null : new ForecastSection(days, anomalies);
    }
}
