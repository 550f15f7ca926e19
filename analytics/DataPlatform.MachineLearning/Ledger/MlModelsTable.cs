using ClickHouse.Driver;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.MachineLearning.Ledger;

/// <summary>A row of <c>ml_models</c> (migration 0090).</summary>
public sealed record MlModelRow(
    string ModelKind, string ModelVersion, string EnterpriseId, string Trainer, DateTimeOffset TrainedAt,
    DateTimeOffset WindowFrom, DateTimeOffset WindowTo, IReadOnlyList<string> Features, IReadOnlyDictionary<string, double> Metrics,
    long TrainingRows, string ModelPath, string ModelSha256, string Status, string Note);

/// <summary>Owns <c>ml_models</c>: writes a model version, reads the latest of a kind.</summary>
public sealed class MlModelsTable(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    public static readonly string[] Columns =
        ["model_kind", "model_version", "enterprise_id", "trainer", "trained_at", "window_from", "window_to", "features", "metrics",
         "training_rows", "model_path", "model_sha256", "status", "note"];

    private string Table => $"`{options.Value.Database}`.`ml_models`";

    public Task InsertAsync(MlModelRow row, CancellationToken ct) =>
        client.InsertRowsAsync(Table, Columns, [new object?[]
        {
            row.ModelKind, row.ModelVersion, row.EnterpriseId, row.Trainer, UnixTime.Utc(row.TrainedAt), UnixTime.Utc(row.WindowFrom),
            UnixTime.Utc(row.WindowTo), row.Features.ToArray(), row.Metrics.ToDictionary(), (ulong)row.TrainingRows, row.ModelPath,
            row.ModelSha256, row.Status, row.Note,
        }], ct);

    /// <summary>The newest version of <paramref name="kind"/> whatever its status, or null.</summary>
    public async Task<MlModelRow?> LatestAsync(string kind, CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(
            $"""
            SELECT model_kind, model_version, enterprise_id, trainer, toUnixTimestamp64Milli(trained_at) AS trained_ms,
                   toUnixTimestamp(window_from) AS from_s, toUnixTimestamp(window_to) AS to_s, features,
                   mapKeys(metrics) AS metric_names, mapValues(metrics) AS metric_values, training_rows, model_path, model_sha256, status, note
            FROM {Table} FINAL WHERE model_kind = {"{kind:String}"}
            ORDER BY trained_at DESC, model_version DESC LIMIT 1
            """, ClickHouseParameters.Of(("kind", kind)), null, ct);
        if (!reader.Read()) return null;
        var names = (string[])UnixTime.Value(reader, "metric_names");
        var values = (double[])UnixTime.Value(reader, "metric_values");
        return new MlModelRow(
            UnixTime.Text(reader, "model_kind"), UnixTime.Text(reader, "model_version"), UnixTime.Text(reader, "enterprise_id"),
            UnixTime.Text(reader, "trainer"), UnixTime.Millis(UnixTime.Value(reader, "trained_ms")),
            UnixTime.Seconds(UnixTime.Value(reader, "from_s")), UnixTime.Seconds(UnixTime.Value(reader, "to_s")),
            (string[])UnixTime.Value(reader, "features"), names.Zip(values).ToDictionary(p => p.First, p => p.Second),
            Convert.ToInt64(UnixTime.Value(reader, "training_rows"), System.Globalization.CultureInfo.InvariantCulture),
            UnixTime.Text(reader, "model_path"), UnixTime.Text(reader, "model_sha256"), UnixTime.Text(reader, "status"), UnixTime.Text(reader, "note"));
    }
}
