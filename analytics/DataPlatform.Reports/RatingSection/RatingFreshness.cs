using DataPlatform.Analytics.Rating;
using DataPlatform.Reports.Model;

namespace DataPlatform.Reports.RatingSection;

/// <summary>Whether the rating analytics' figures (<see cref="RatingTables.Daily"/>) of an enterprise's days are
/// older than the ledger rows they are computed from. The refresh job keeps them current within a minute, so a report
/// reads them as they are and recomputes only when they are stale (the first 1 M benchmark spent most of its 55.8 s
/// recomputing a month the job had already done).</summary>
/// <remarks>A day is stale when it has passages but no figures, or when a ledger row of the period changed at or after
/// the oldest refresh of the period's figures (a refresh stamps its rows' <c>version</c> with its start, in Unix ms).
/// The ledger tables and change columns are those the refresh job watches (<c>RatingDailySql.ChangedDays</c>);
/// register corrections of any enterprise count, as the refresh joins the register by plate.</remarks>
public sealed class RatingFreshness(LedgerQuery query)
{
    public async Task<bool> IsStaleAsync(string e, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var state = (await query.RowsAsync(
            $"""
            SELECT
                (SELECT count() FROM (SELECT DISTINCT toDate(pass_time) AS day FROM passages
                                      WHERE enterprise_id = {"{e:String}"} AND toDate(pass_time) BETWEEN {"{from:Date}"} AND {"{to:Date}"})
                 WHERE day NOT IN (SELECT day FROM {RatingTables.Daily}
                                   WHERE enterprise_id = {"{e:String}"} AND day BETWEEN {"{from:Date}"} AND {"{to:Date}"})) AS unrated_days,
                (SELECT toInt64(min(version)) FROM (SELECT day, max(version) AS version FROM {RatingTables.Daily}
                                                    WHERE enterprise_id = {"{e:String}"} AND day BETWEEN {"{from:Date}"} AND {"{to:Date}"}
                                                    GROUP BY day)) AS refreshed_ms,
                greatest(
                    (SELECT toUnixTimestamp64Milli(max(ingested_at)) FROM passages
                     WHERE enterprise_id = {"{e:String}"} AND toDate(pass_time) BETWEEN {"{from:Date}"} AND {"{to:Date}"}),
                    (SELECT toUnixTimestamp64Milli(max(updated_at)) FROM trips
                     WHERE enterprise_id = {"{e:String}"} AND toDate(entry_time) BETWEEN {"{from:Date}"} AND {"{to:Date}"}),
                    (SELECT toUnixTimestamp64Milli(max(recorded_at)) FROM gate_decisions
                     WHERE enterprise_id = {"{e:String}"} AND toDate(pass_time) BETWEEN {"{from:Date}"} AND {"{to:Date}"}),
                    (SELECT toUnixTimestamp64Milli(max(recorded_at)) FROM review_actions
                     WHERE enterprise_id = {"{e:String}"} AND toDate(pass_time) BETWEEN {"{from:Date}"} AND {"{to:Date}"}),
                    (SELECT toUnixTimestamp64Milli(max(recorded_at)) FROM {RatingTables.CleanModeShipments}
                     WHERE enterprise_id = {"{e:String}"} AND ship_date BETWEEN {"{from:Date}"} AND {"{to:Date}"}),
                    (SELECT toUnixTimestamp64Milli(max(ingested_at)) FROM road_vehicles)) AS changed_ms
            """,
            LedgerQuery.Period(e, from, to),
            r => (Unrated: r.Long("unrated_days"), Refreshed: r.Long("refreshed_ms"), Changed: r.Long("changed_ms")), ct)).Single();
        return state.Unrated > 0 || (state.Changed > 0 && state.Changed >= state.Refreshed);
    }
}
