using System.Diagnostics;
using ClickHouse.Driver;
using DataPlatform.Analytics.Rating;
using DataPlatform.Engines.ClickHouse;
using DataPlatform.Ledger;
using DataPlatform.Rating;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataPlatform.Benchmarks;

/// <summary>(R) The rating over years (issue 12): synthetic trips and their entry passages spread over 3 years
/// (2024–2026) and 100 enterprises, 200 road vehicles each (stages 国四…electric). Prints, in seconds and rows per
/// second, the raw scan of the trips table (the engine's floor), the naive rating query on the raw ledger (join
/// per trip), the refresh of the daily figures, and the rating itself from them: one enterprise-year and all
/// enterprises-month. Run with <c>--rating --rating-trips N</c> (N trips + N passages).</summary>
public static class RatingBenchmark
{
    private const int Enterprises = 100;
    private const int VehiclesPerEnterprise = 200;

    public static async Task RunAsync(EmbeddedClickHouse clickHouse, int trips, TextWriter output, CancellationToken ct)
    {
        const string database = "bench_rating";
        output.WriteLine($"== (R) Rating: {trips:N0} trips + {trips:N0} entry passages over 3 years × {Enterprises} enterprises ==");
        await ClickHouseInsertBenchmark.Migrator(clickHouse, database).MigrateAsync(ct);
        using var client = new ClickHouseClient(clickHouse.ConnectionString + $";Database={database}");
        var options = Options.Create(new ClickHouseOptions { Endpoint = clickHouse.Endpoint.ToString(), Database = database });

        var clock = Stopwatch.StartNew();
        await FillAsync(client, trips, ct);
        output.WriteLine($"Filled by INSERT … SELECT in {clock.Elapsed.TotalSeconds:F1} s (not a figure of the rating)");
        using (var parts = await client.ExecuteReaderAsync(
                   "SELECT table, toString(count()) FROM system.parts WHERE active AND database = currentDatabase() AND table IN ('passages', 'trips') GROUP BY table ORDER BY table", null, null, ct))
            while (parts.Read()) output.WriteLine($"  active parts after the fill: {parts.GetString(0)} {parts.GetString(1)}");

        var scan = await TimeAsync(client, "SELECT count(), sum(net_kg) FROM trips", ct);
        Print(output, "raw scan: count(), sum(net_kg) over all trips", scan, trips);
        var naive = await TimeAsync(client,
            """
            SELECT t.enterprise_id, countIf(r.stage IN ('6', '6a', '6b', 'D')) / count() AS share
            FROM (SELECT enterprise_id, plate_no, plate_color FROM trips FINAL
                  WHERE entry_time >= toDateTime('2026-10-01 00:00:00', 'Asia/Shanghai') AND entry_time < toDateTime('2026-11-01 00:00:00', 'Asia/Shanghai')
                    AND status = 'closed' AND load IN ('inbound', 'outbound')) AS t
            LEFT JOIN road_vehicles_latest AS r ON r.plate_no = t.plate_no AND r.plate_color = t.plate_color
            GROUP BY t.enterprise_id
            """, ct);
        Print(output, "naive all-enterprise month share, join on the raw ledger", naive, trips / 36);

        var refresher = new RatingRefresher(client, options, NullLogger<RatingRefresher>.Instance);
        // The ranges the ratings below read (2025 and October 2026), month by month as the refresh writes them.
        clock.Restart();
        var days = await refresher.RefreshAsync(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), ct);
        days += await refresher.RefreshAsync(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), ct);
        Print(output, $"refresh of 13 months ({days:N0} enterprise-days)", clock.Elapsed, trips * 2L * 13 / 36);
        clock.Restart();
        await refresher.RefreshAsync(new DateOnly(2026, 10, 15), new DateOnly(2026, 10, 15), ct);
        Print(output, "refresh of one day (what late data costs per changed day)", clock.Elapsed, trips * 2L / (3 * 365));
        // The job's change scan when nothing changed: once the fill is older than the job's overlap window (the job
        // looks 60 s behind its watermark), a watermark of now, then one run.
        await Task.Delay(TimeSpan.FromSeconds(61), ct);
        await client.ExecuteNonQueryAsync(
            $"INSERT INTO {RatingTables.RefreshLog} (refreshed_at, watermark, days, elapsed_ms, trigger) VALUES (now64(3), now64(3), 0, 0, 'bench')", null, null, ct);
        clock.Restart();
        await refresher.RefreshChangedAsync("bench", ct);
        Print(output, "refresh job run with nothing changed (the change scan, every interval)", clock.Elapsed, trips * 2L);

        var service = new RatingService(new RatingFigures(client, options), new RuleSetProvider(Options.Create(new RatingOptions())));
        await service.RateAsync("E7", RatingPeriod.Month(2026, 10), "general", ct); // warm-up
        clock.Restart();
        var year = await service.RateAsync("E7", new RatingPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), "steel-long", ct);
        var enterpriseYear = clock.Elapsed;
        Print(output, $"rating one enterprise-year (steel-long, + 3 trailing months) → {year.Level}, {year.Metrics.RoadTrips:N0} trips", enterpriseYear, year.Metrics.RoadTrips);
        clock.Restart();
        var all = await service.RateAllAsync(RatingPeriod.Month(2026, 10), "general", ct);
        var allMonth = clock.Elapsed;
        Print(output, $"rating all enterprises-month (general) → {all.Count} results", allMonth, all.Sum(r => r.Metrics.RoadTrips));
        output.WriteLine($"Ratios: naive month ÷ rating all-month = {naive.TotalSeconds / allMonth.TotalSeconds:F1}×; " +
                         $"enterprise-year rating ÷ raw scan = {enterpriseYear.TotalSeconds / scan.TotalSeconds:F2}; " +
                         $"goals at 100 M rows: enterprise-year < 0.2 s, all-month < 1 s");
        output.WriteLine();
    }

    private static void Print(TextWriter output, string label, TimeSpan elapsed, long rows) =>
        output.WriteLine($"  {label,-84} {elapsed.TotalSeconds,8:F3} s  {rows / Math.Max(elapsed.TotalSeconds, 1e-6),14:N0} rows/s");

    private static async Task<TimeSpan> TimeAsync(ClickHouseClient client, string sql, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var reader = await client.ExecuteReaderAsync(sql, null, null, ct);
        while (reader.Read()) { }
        return clock.Elapsed;
    }

    /// <summary>Rows per fill statement, inserted as one block (the insert settings below): every block becomes a
    /// part per month it touches, so few large blocks of rows in time order make few parts to merge.</summary>
    private const int FillChunk = 4_000_000;

    /// <summary>Generated in the engine (INSERT … SELECT FROM numbers). Row n enters at the n-th share of the three
    /// years plus up to a day of jitter: rows arrive in time order, so a statement's block touches one or two monthly
    /// partitions. Before, a million rows per statement with entry times hashed over the three years: every
    /// statement wrote 36 small parts per table (7,200 at 100 M, all to be merged in the background while the fill
    /// and the refresh ran). The fill's rate is otherwise the CPU share it gets: 7–20 s per million trips + passages
    /// on the shared 2-core machine (analytics/README.md).</summary>
    private static async Task FillAsync(ClickHouseClient client, int trips, CancellationToken ct)
    {
        await client.ExecuteNonQueryAsync(
            $"""
            INSERT INTO road_vehicles (row_id, enterprise_id, registration_code, version, changed_at, source, operator_id, plate_no, plate_color, vehicle_type, fuel, stage)
            SELECT generateUUIDv4(), concat('E', toString(intDiv(number, {VehiclesPerEnterprise}))), concat(plate, '/yellow'), 1,
                   toDateTime64('2023-12-01 00:00:00', 3, 'Asia/Shanghai'), 'national-platform', 'bench', plate, 'yellow',
                   if(number % 10 = 0, 'H31', 'H11'), 'B', ['4', '5', '6', '6', 'D'][number % 5 + 1]
            FROM (SELECT number, concat('P', toString(number)) AS plate FROM numbers({Enterprises * VehiclesPerEnterprise}))
            """, null, null, ct);
        var settings = $"SETTINGS min_insert_block_size_rows = {FillChunk}, min_insert_block_size_bytes = 0, max_partitions_per_insert_block = 0";
        for (long start = 0; start < trips; start += FillChunk)
        {
            var count = Math.Min(FillChunk, trips - start);
            // Row n: enterprise n % 100, vehicle hash % 200 of it, entry at n's share of 2024-2026 China time (the
            // last day's jitter ends before 2027).
            var source =
                $"""
                SELECT n, concat('E', toString(n % {Enterprises})) AS e,
                       (n % {Enterprises}) * {VehiclesPerEnterprise} + intHash32(n) % {VehiclesPerEnterprise} AS v,
                       concat('P', toString(v)) AS plate,
                       toDateTime('2024-01-01 00:00:00', 'Asia/Shanghai')
                         + toIntervalSecond(intDiv(n * {1095 * 86400}, {trips}) + intHash32(n * 7 + 1) % 86400) AS at,
                       toUUID(concat('00000000-0000-4000-8000-', leftPad(lower(hex(n)), 12, '0'))) AS passage
                FROM (SELECT number + {start} AS n FROM numbers({count}))
                """;
            await client.ExecuteNonQueryAsync(
                $"""
                INSERT INTO passages (passage_id, event_id, enterprise_id, gate_id, lane_id, direction, pass_time, plate_no, plate_color, vehicle_type, device_id, pictures)
                SELECT passage, toString(n), e, 'G01', 'L1', 1, at, plate, 'yellow', if(v % 10 = 0, 'H31', 'H11'), 'cam-01', [] FROM ({source})
                {settings}
                """, null, null, ct);
            await client.ExecuteNonQueryAsync(
                $"""
                INSERT INTO trips (trip_id, enterprise_id, gate_id, exit_gate_id, plate_no, plate_color, entry_passage_id, entry_time, exit_passage_id,
                                   exit_time, status, load, net_kg, cargo_name, weighing_ids, content_hash, version, updated_at)
                SELECT generateUUIDv4(), e, 'G01', 'G01', plate, 'yellow', passage, at, generateUUIDv4(), at + 1800, 'closed',
                       ['inbound', 'outbound', 'empty'][n % 3 + 1], 20000 + intHash32(n) % 20000, '铁矿石', [], '', 1, now64(3)
                FROM ({source})
                {settings}
                """, null, null, ct);
        }
    }
}
