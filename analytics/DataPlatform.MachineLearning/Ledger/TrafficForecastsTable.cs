using ClickHouse.Driver;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.MachineLearning.Ledger;

/// <summary>A row of <c>traffic_forecasts</c> (migration 0091).</summary>
public sealed record TrafficForecastRow(
    string EnterpriseId, string GateId, int Direction, DateTimeOffset HourStart, DateTimeOffset ForecastAt, int HorizonHours,
    float Predicted, float Baseline, string ModelKind, string ModelVersion);

/// <summary>Owns <c>traffic_forecasts</c>: writes a forecast run, reads the latest forecast per hour.</summary>
public sealed class TrafficForecastsTable(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    public static readonly string[] Columns =
        ["enterprise_id", "gate_id", "direction", "hour_start", "forecast_at", "horizon_hours", "predicted", "baseline", "model_kind", "model_version"];

    private string Table => $"`{options.Value.Database}`.`traffic_forecasts`";

    public Task InsertAsync(IReadOnlyList<TrafficForecastRow> rows, CancellationToken ct) =>
        rows.Count == 0 ? Task.CompletedTask : client.InsertRowsAsync(Table, Columns, rows.Select(r => new object?[]
        {
            r.EnterpriseId, r.GateId, (byte)r.Direction, UnixTime.Utc(r.HourStart), UnixTime.Utc(r.ForecastAt), (ushort)r.HorizonHours,
            r.Predicted, r.Baseline, r.ModelKind, r.ModelVersion,
        }), ct);

    /// <summary>The latest run's forecast of every hour from <paramref name="from"/> on, optionally for one gate.</summary>
    public async Task<IReadOnlyList<TrafficForecastRow>> LatestAsync(string? gate, DateTimeOffset from, CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(
            $"""
            SELECT enterprise_id, gate_id, direction, toUnixTimestamp(hour_start) AS hour_s,
                   toUnixTimestamp64Milli(max(forecast_at)) AS at_ms, argMax(horizon_hours, forecast_at) AS horizon,
                   argMax(predicted, forecast_at) AS predicted, argMax(baseline, forecast_at) AS baseline,
                   argMax(model_kind, forecast_at) AS kind, argMax(model_version, forecast_at) AS version
            FROM {Table} FINAL
            WHERE hour_start >= {"{from:DateTime}"} AND ({"{gate:String}"} = '' OR gate_id = {"{gate:String}"})
            GROUP BY enterprise_id, gate_id, direction, hour_start
            ORDER BY enterprise_id, gate_id, direction, hour_start
            """, ClickHouseParameters.Of(("from", UnixTime.Utc(from)), ("gate", gate ?? "")), null, ct);
        var rows = new List<TrafficForecastRow>();
        while (reader.Read())
            rows.Add(new TrafficForecastRow(
                UnixTime.Text(reader, "enterprise_id"), UnixTime.Text(reader, "gate_id"), Convert.ToInt32(UnixTime.Value(reader, "direction"), System.Globalization.CultureInfo.InvariantCulture),
                UnixTime.Seconds(UnixTime.Value(reader, "hour_s")), UnixTime.Millis(UnixTime.Value(reader, "at_ms")),
                Convert.ToInt32(UnixTime.Value(reader, "horizon"), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToSingle(UnixTime.Value(reader, "predicted"), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToSingle(UnixTime.Value(reader, "baseline"), System.Globalization.CultureInfo.InvariantCulture),
                UnixTime.Text(reader, "kind"), UnixTime.Text(reader, "version")));
        return rows;
    }
}
