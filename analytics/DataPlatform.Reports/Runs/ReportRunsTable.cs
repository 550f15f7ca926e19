using ClickHouse.Driver;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.Reports.Runs;

/// <summary>One row of <c>report_runs</c>.</summary>
public sealed record ReportRun(Guid RunId, string ReportKey, string Status, string Instance, string Trigger,
    IReadOnlyList<string> Files, string Error, DateTime ClaimedAt);

/// <summary>Owns <c>report_runs</c> (migration 0070): the lock and history of report runs. A run appends a
/// 'started' row (its claim), then 'done' / 'failed'. The claim that counts is the earliest live one — claims
/// without an outcome younger than <see cref="ReportsOptions.ClaimTimeoutMinutes"/> — ordered by the server's clock
/// at insert, then run id; so every instance reading the claims picks the same winner.</summary>
public sealed class ReportRunsTable(ClickHouseClient client, IOptions<ReportsOptions> options)
{
    private const string Columns = "run_id, report_key, status, instance, trigger, files, error, claimed_at";

    /// <summary>Writes the claim of <paramref name="runId"/>; the server's clock stamps it.</summary>
    public Task ClaimAsync(Guid runId, ReportPeriod period, string instance, string trigger, CancellationToken ct) =>
        client.ExecuteNonQueryAsync(
            """
            INSERT INTO report_runs (run_id, report_key, kind, enterprise_id, period_from, period_to, status, instance, trigger, files, error, claimed_at)
            SELECT {run:UUID}, {key:String}, {kind:String}, {e:String}, {from:Date}, {to:Date}, 'started', {instance:String}, {trigger:String}, [], '', now64(6)
            """,
            Parameters(runId, period, instance, trigger), null, ct);

    /// <summary>Appends the outcome of a claimed run, with the claim's time so the history lines up.</summary>
    public Task FinishAsync(Guid runId, ReportPeriod period, string instance, string trigger, string status,
        IReadOnlyList<string> files, string error, CancellationToken ct)
    {
        var parameters = Parameters(runId, period, instance, trigger);
        parameters.Add(new ClickHouse.Driver.ADO.Parameters.ClickHouseDbParameter { ParameterName = "status", Value = status });
        parameters.Add(new ClickHouse.Driver.ADO.Parameters.ClickHouseDbParameter { ParameterName = "files", Value = files.ToArray() });
        parameters.Add(new ClickHouse.Driver.ADO.Parameters.ClickHouseDbParameter { ParameterName = "error", Value = error });
        return client.ExecuteNonQueryAsync(
            """
            INSERT INTO report_runs (run_id, report_key, kind, enterprise_id, period_from, period_to, status, instance, trigger, files, error, claimed_at)
            SELECT {run:UUID}, {key:String}, {kind:String}, {e:String}, {from:Date}, {to:Date}, {status:String}, {instance:String},
                   {trigger:String}, {files:Array(String)}, {error:String},
                   ifNull((SELECT min(claimed_at) FROM report_runs WHERE run_id = {run:UUID}), now64(6))
            """,
            parameters, null, ct);
    }

    /// <summary>Every row of one report, oldest claim first.</summary>
    public async Task<List<ReportRun>> HistoryAsync(ReportPeriod period, CancellationToken ct)
    {
        var rows = new List<ReportRun>();
        using var reader = await client.ExecuteReaderAsync(
            $"SELECT {Columns} FROM report_runs WHERE report_key = {{key:String}} ORDER BY claimed_at, run_id, recorded_at",
            ClickHouseParameters.Of(("key", period.Key)), null, ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new ReportRun(reader.Uuid("run_id"), (string)reader["report_key"], (string)reader["status"],
                (string)reader["instance"], (string)reader["trigger"], (string[])reader["files"], (string)reader["error"],
                Convert.ToDateTime(reader["claimed_at"])));
        return rows;
    }

    /// <summary>Whether a run of this report has finished with 'done'.</summary>
    public async Task<bool> IsDoneAsync(ReportPeriod period, CancellationToken ct) =>
        (await HistoryAsync(period, ct)).Any(r => r.Status == "done");

    /// <summary>The run holding the lock: the earliest claim that has no outcome and is not stale.</summary>
    public async Task<Guid?> HolderAsync(ReportPeriod period, CancellationToken ct)
    {
        var rows = await HistoryAsync(period, ct);
        var finished = rows.Where(r => r.Status != "started").Select(r => r.RunId).ToHashSet();
        var now = Convert.ToDateTime(await client.ExecuteScalarAsync("SELECT now64(6)", null, null, ct));
        var live = rows.Where(r => r.Status == "started" && !finished.Contains(r.RunId)
                                   && now - r.ClaimedAt < TimeSpan.FromMinutes(options.Value.ClaimTimeoutMinutes));
        return live.OrderBy(r => r.ClaimedAt).ThenBy(r => r.RunId).Select(r => (Guid?)r.RunId).FirstOrDefault();
    }

    private static ClickHouse.Driver.ADO.Parameters.ClickHouseParameterCollection Parameters(Guid runId, ReportPeriod period, string instance, string trigger) =>
        ClickHouseParameters.Of(("run", runId), ("key", period.Key), ("kind", period.KindName), ("e", period.EnterpriseId),
            ("from", period.From.ToString("yyyy-MM-dd")), ("to", period.To.ToString("yyyy-MM-dd")), ("instance", instance), ("trigger", trigger));
}
