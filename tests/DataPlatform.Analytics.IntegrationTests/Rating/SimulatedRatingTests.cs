using System.Globalization;
using System.Text;
using System.Text.Json;
using DataPlatform.Analytics.IntegrationTests.Infrastructure;
using DataPlatform.Cli.Hosting;
using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Ingest.Http;
using DataPlatform.Rating;
using DataPlatform.Simulation;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Analytics.IntegrationTests.Rating;

/// <summary>A simulated day through the whole platform (camera pushes over HTTP, the weighbridge over TCP, the
/// trips job) plus an imported waybill file: <c>dataplatform rating --format json</c>, run as the real executable,
/// must agree with the same figures computed by SQL written here, apart from the rating's own.</summary>
[Collection(EnginesCollection.Name)]
public sealed class SimulatedRatingTests(EnginesFixture engines)
{
    private const string Token = "sim-token";

    // Independent of RatingDailySql: the register version in force is found with a join and argMax, not ASOF.
    private const string TripFactsSql =
        """
        WITH t AS (
            SELECT trip_id, plate_no, plate_color, entry_time, entry_passage_id, greatest(ifNull(net_kg, 0), 0) AS kg
            FROM trips FINAL
            WHERE enterprise_id = {e:String} AND status = 'closed' AND load IN ('inbound', 'outbound')
              AND entry_time >= toDateTime({from:String}, 'Asia/Shanghai') AND entry_time < toDateTime({to:String}, 'Asia/Shanghai')),
        facts AS (
            SELECT t.trip_id AS trip_id, any(t.kg) AS kg, any(p.vehicle_type) AS passage_type,
                   argMaxIf(r.stage, r.changed_at, r.changed_at <= toDateTime64(t.entry_time, 3)) AS stage_at,
                   argMin(r.stage, r.changed_at) AS first_stage,
                   argMaxIf(r.vehicle_type, r.changed_at, r.changed_at <= toDateTime64(t.entry_time, 3)) AS type_at,
                   argMin(r.vehicle_type, r.changed_at) AS first_type,
                   countIf(r.changed_at <= toDateTime64(t.entry_time, 3)) AS versions_before, count(r.row_id) AS versions
            FROM t
            LEFT JOIN (SELECT * FROM road_vehicles FINAL) AS r ON r.plate_no = t.plate_no AND r.plate_color = t.plate_color
            LEFT JOIN passages_effective AS p ON p.passage_id = t.entry_passage_id
            GROUP BY t.trip_id)
        SELECT count() AS road_trips, sum(kg) AS road_kg,
               countIf(heavy) AS heavy_trips, sumIf(kg, heavy) AS heavy_kg,
               countIf(heavy AND stage IN ('6', '6a', '6b', 'D')) AS compliant_trips,
               sumIf(kg, heavy AND stage IN ('6', '6a', '6b', 'D')) AS compliant_kg,
               countIf(heavy AND stage = 'D') AS nev_trips, sumIf(kg, heavy AND stage = 'D') AS nev_kg,
               countIf(stage = '') AS unknown_trips
        FROM (
            SELECT kg,
                   if(versions_before > 0, stage_at, if(versions > 0, first_stage, '')) AS stage,
                   if(versions_before > 0, type_at, if(versions > 0, first_type, '')) AS register_type,
                   substring(if(register_type != '', register_type, passage_type), 1, 2) IN ('H1', 'Q1') AS heavy
            FROM facts)
        """;

    [Fact]
    public async Task Rating_json_agrees_with_separate_sql_over_a_simulated_day_and_a_waybill_file()
    {
        await using var platform = TestPlatform.Create(engines);
        platform.Kafka.CreateTopic(Topics.Weighings, 2);
        platform.Kafka.CreateTopic(Topics.DeviceEvents, 1);
        platform.Kafka.CreateTopic(Topics.LedgerRecords, Topics.DefaultPartitions[Topics.LedgerRecords]);
        foreach (var topic in new[] { Topics.RegistryChanges, Topics.ControlCommands, Topics.Alarms, Topics.WorkAreaSightings, Topics.EmissionReadings })
            platform.Kafka.CreateTopic(topic, Topics.DefaultPartitions[topic]);
        var profile = SimulationProfile.Find("steel")! with
        {
            DailyTrips = 80, FleetSize = 40, DuplicateShare = 0.02, MalformedShare = 0, MisreadShare = 0, SecondCameraShare = 0,
            HighEmitterShare = 0, OpacitySpotCheckShare = 0,
            WeighbridgeProtocol = "software-line", // carries plate and time, so weighings join their trips
        };
        var generator = new GateEventGenerator(profile, seed: 5);
        var settings = platform.Settings();
        foreach (var (key, value) in SimulatedPlant.DeviceSettings(profile, Token, "127.0.0.1:0", generator.Fleet)) settings[key] = value;
        settings["Processing:Trips:IntervalSeconds"] = "0.5";
        settings["Processing:Trips:PublishLagSeconds"] = "0";
        settings["Analytics:Rating:RefreshEnabled"] = "false";
        using var host = await TestPlatform.StartHostAsync(settings, PlatformRole.All);
        try
        {
            // Stream mode ("now"): the weighbridge stamps a weighing when it receives it, so only live traffic pairs
            // into weighed trips. Events are sent at 40/s so each truck's weighings fall between its entry and exit.
            var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var scale = host.Services.GetRequiredService<TcpListenerDirectory>().EndpointOf(SimulatedPlant.WeighbridgeId)!;
            TcpProtocols.TryParse(profile.WeighbridgeProtocol, DataPlatform.Ingest.Devices.DeviceKind.Weighbridge, out var protocol, out _);
            SimulationReport report;
            await using (var link = new WeighbridgeLink(scale, protocol, profile.EnterpriseId))
            {
                using var http = new HttpClient();
                var ingest = new Uri(host.Services.GetRequiredService<IngestHttpServer>().Urls[0]);
                report = await new GateTrafficSimulator(http, ingest, Token, link).RunAsync(profile, 5, 240, 40, 4, null, CancellationToken.None);
                Assert.Equal(0, report.Failed);
            }
            // The national platform's facts of the fleet, learnt the day before (stage and type per plate).
            var fleet = generator.Fleet.Select((v, i) => (v, i)).ToDictionary(x => x.v.Plate);
            Assert.Equal(report.Valid, await platform.WaitForAsync("SELECT count() FROM passages FINAL", report.Valid));
            var closed = await WaitForStableAsync(platform, "SELECT count() FROM trips FINAL WHERE status = 'closed' AND load IN ('inbound', 'outbound')");
            Assert.True(closed > 10, $"closed loaded trips: {closed}; trips {await platform.ScalarAsync("SELECT count() FROM trips")}, weighings {await platform.ScalarAsync("SELECT count() FROM weighings")}, closed {await platform.ScalarAsync("SELECT count() FROM trips FINAL WHERE status = 'closed'")}");
            var rows = new LedgerRows(platform.Client, platform.Database);
            using (var reader = await platform.Client.ExecuteReaderAsync("SELECT DISTINCT plate_no, plate_color FROM trips"))
                while (reader.Read())
                    if (fleet.TryGetValue(reader.GetString(0), out var x) && x.i % 5 != 0 && x.v is var v) // a fifth stay unknown
                        await rows.RoadVehicleAsync(v.Plate, v.VehicleType, v.Stage.InternalCode,
                            $"{day.AddDays(-1):yyyy-MM-dd} 00:00:00", color: reader.GetString(1));

            var waybills = Path.Combine(Path.GetTempPath(), $"waybills-{platform.Database}.csv");
            await File.WriteAllTextAsync(waybills,
                $"date,mode,direction,material,tonnes,reference\n{day:yyyy-MM-dd},rail,in,铁矿石,1500.25,TL-1\n{day:yyyy-MM-dd},皮带,出,钢坯,320,BELT-1\n",
                new UTF8Encoding(true));
            var ch = platform.Engines.ClickHouse.Endpoint.ToString();
            var env = new Dictionary<string, string> { ["ClickHouse__Database"] = platform.Database, ["DATAPLATFORM_CHDB_LIB"] = Environment.GetEnvironmentVariable("DATAPLATFORM_CHDB_LIB") ?? "" };
            var (importExit, importOutput) = await RunAsync(env, "waybills", "import", waybills, "--enterprise", profile.EnterpriseId, "--clickhouse", ch, "--by", "测试");
            Assert.True(importExit == 0, importOutput);

            var (exit, output) = await RunAsync(env, "rating", "--enterprise", profile.EnterpriseId, "--from", $"{day:yyyy-MM-dd}", "--to", $"{day:yyyy-MM-dd}",
                "--rules", "steel-long", "--format", "json", "--clickhouse", ch);
            Assert.True(exit == 0, output);
            var result = JsonSerializer.Deserialize(output[output.IndexOf('{')..], RatingJsonContext.Default.RatingResult)!;
            Assert.Equal(profile.EnterpriseId, result.Enterprise);

            var parameters = DataPlatform.Ledger.ClickHouseParameters.Of(("e", profile.EnterpriseId),
                ("from", $"{day:yyyy-MM-dd} 00:00:00"), ("to", $"{day.AddDays(1):yyyy-MM-dd} 00:00:00"));
            using var expected = await platform.Client.ExecuteReaderAsync(TripFactsSql, parameters);
            Assert.True(expected.Read());
            long L(string c) => Convert.ToInt64(expected.GetValue(expected.GetOrdinal(c)), CultureInfo.InvariantCulture);
            var m = result.Metrics;
            Assert.Equal(L("road_trips"), m.RoadTrips);
            Assert.Equal(L("road_kg") / 1000m, m.RoadTonnes);
            Assert.Equal(L("heavy_trips"), m.HeavyTrips);
            Assert.Equal(L("heavy_kg") / 1000m, m.HeavyTonnes);
            Assert.Equal(L("unknown_trips"), m.UnknownStageTrips);
            Assert.True(m.UnknownStageTrips > 0 && m.HeavyTrips > 0, "the day should have unknown and heavy trips");
            Assert.Equal((double)L("compliant_kg") / L("heavy_kg"), m.CompliantRoadShareTonnes!.Value, 9);
            Assert.Equal((double)L("compliant_trips") / L("heavy_trips"), m.CompliantRoadShareTrips!.Value, 9);
            Assert.Equal((double)L("nev_trips") / L("heavy_trips"), m.NevHeavyShareTrips!.Value, 9);
            Assert.Equal(1820.25m, m.CleanModeTonnes);
            var road = L("road_kg") / 1000m;
            Assert.Equal((double)(1820.25m / (1820.25m + road)), m.CleanTransportRatio!.Value, 9);
            Assert.Equal((double)((1820.25m + L("nev_kg") / 1000m) / (1820.25m + road)), m.CleanTransportRatioInclNev!.Value, 9);
            Assert.Equal("steel-long", result.Rules);
            Assert.Contains(result.Criteria, c => c.Id == "A.clean_transport_ratio.3m");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<(int, string)> RunAsync(Dictionary<string, string> env, params string[] args)
    {
        using var process = CliProcess.Start(env, args);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!process.HasExited && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(process.HasExited, $"dataplatform {string.Join(' ', args)} did not finish:\n{process.Output}");
        await Task.Delay(200); // the redirected streams drain after the exit
        return (process.ExitCode, process.Output);
    }

    /// <summary>Polls until the count stays the same over three polls a second apart (the trips job has caught up).</summary>
    private static async Task<long> WaitForStableAsync(TestPlatform platform, string sql)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        long last = -1;
        var same = 0;
        while (DateTime.UtcNow < deadline && same < 3)
        {
            await Task.Delay(1000);
            var now = await platform.ScalarAsync(sql);
            same = now == last && now > 0 ? same + 1 : 0;
            last = now;
        }
        return last;
    }
}
