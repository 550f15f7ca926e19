using DataPlatform.Analytics.Rating;
using DataPlatform.Analytics.Waybills;
using DataPlatform.Tests.Infrastructure;
using System.Text;

namespace DataPlatform.Analytics.IntegrationTests.Rating;

/// <summary>The hand-made ledger of the oracle tests, built once per test class. Enterprise E1, October 2026 (China
/// time); the hand-computed answers are in <see cref="RatingOracleTests"/>.
/// <list type="bullet">
/// <item>A 冀A00001 H11 国六 since 09-01; B 冀A00002 Q11 国五, corrected to 国六 at 10-15 12:00; N 冀A0000D H11 electric;
/// L 冀A00004 learnt only on 10-25 (国六, H11) though it entered on 10-05; U 冀A00005 unknown to the register;
/// M 冀A00006 H31 (light) 国六.</item>
/// <item>Trips (net kg): A 09-30 23:59:59 30000 (September), A 10-01 00:00:00 30000, B 10-10 20000 (then 国五),
/// B 10-20 25000, N 10-12 40000, L 10-05 10000, U 10-06 15000 (entry passage read K11, review corrected to H11),
/// M 10-07 5000, A 10-31 23:59:59 12000, A 11-01 00:00:00 99000 (November), A 10-08 empty load, A 10-09 still open,
/// and a trip on 10-11 of 8000 whose entry was read 冀A0000X and corrected by review to A's plate.</item>
/// <item>A passage on 10-14 rejected by review (not a vehicle).</item>
/// <item>Waybills: rail in 200 t (10-03), 皮带 出 35.5 t (10-31), water 50 t (09-30), rail 100 t (11-01).</item>
/// <item>In-plant at the end of October: 国五, 国四→electric (10-31 23:00), 国四; one registered only at 11-01 00:00.
/// Non-road: 国三, X, 国二 (→国四 only on 11-02).</item>
/// <item>Gate decisions: 10-12 under an orange alert with one denied entry; 10-13 常态 with one denied entry.</item>
/// <item>E3: one electric heavy trip only (10-15, 20000). E2: nothing at all.</item>
/// </list></summary>
public sealed class OracleLedger : IAsyncLifetime
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private RatingLedgerHost? _host;

    public const string Waybills = """
        date,mode,direction,material,tonnes,reference
        2026-10-03,rail,in,铁矿石,200,TL-1003
        2026-10-31,皮带,出,熟料,35.5,BELT-1031
        2026-09-30,water,in,煤,50,SHIP-0930
        2026-11-01,铁路,进,铁矿石,100,TL-1101
        """;

    public async Task<RatingLedgerHost> GetAsync(EnginesFixture engines)
    {
        await _once.WaitAsync();
        try
        {
            return _host ??= await BuildAsync(engines);
        }
        finally
        {
            _once.Release();
        }
    }

    private static async Task<RatingLedgerHost> BuildAsync(EnginesFixture engines)
    {
        var host = await RatingLedgerHost.CreateAsync(engines);
        var r = host.Rows;
        await r.RoadVehicleAsync("冀A00001", "H11", "6", "2026-09-01 00:00:00");
        await r.RoadVehicleAsync("冀A00002", "Q11", "5", "2026-09-01 00:00:00");
        await r.RoadVehicleAsync("冀A00002", "Q11", "6", "2026-10-15 12:00:00", version: 2);
        await r.RoadVehicleAsync("冀A0000D", "H11", "D", "2026-09-01 00:00:00", color: "yellow-green");
        await r.RoadVehicleAsync("冀A00004", "H11", "6", "2026-10-25 00:00:00");
        await r.RoadVehicleAsync("冀A00006", "H31", "6", "2026-09-01 00:00:00");

        await r.TripAsync("E1", "冀A00001", "H11", "2026-09-30 23:59:59", 30000);
        await r.TripAsync("E1", "冀A00001", "H11", "2026-10-01 00:00:00", 30000);
        await r.TripAsync("E1", "冀A00002", "Q11", "2026-10-10 08:00:00", 20000, load: "outbound");
        await r.TripAsync("E1", "冀A00002", "Q11", "2026-10-20 08:00:00", 25000);
        await r.TripAsync("E1", "冀A0000D", "H11", "2026-10-12 09:00:00", 40000, color: "yellow-green");
        await r.TripAsync("E1", "冀A00004", "H11", "2026-10-05 09:00:00", 10000);
        var unknownEntry = Guid.NewGuid();
        await r.TripAsync("E1", "冀A00005", "H11", "2026-10-06 09:00:00", 15000, recordedType: "K11", passageId: unknownEntry);
        await r.ReviewAsync("E1", unknownEntry, "2026-10-06 09:00:00", "correct", "冀A00005", "H11");
        await r.TripAsync("E1", "冀A00006", "H31", "2026-10-07 09:00:00", 5000);
        await r.TripAsync("E1", "冀A00001", "H11", "2026-10-31 23:59:59", 12000);
        await r.TripAsync("E1", "冀A00001", "H11", "2026-11-01 00:00:00", 99000);
        await r.TripAsync("E1", "冀A00001", "H11", "2026-10-08 09:00:00", 0, load: "empty");
        await r.TripAsync("E1", "冀A00001", "H11", "2026-10-09 09:00:00", 0, status: "open");
        var misread = Guid.NewGuid();
        await r.TripAsync("E1", "冀A00001", "H11", "2026-10-11 09:00:00", 8000, recordedPlate: "冀A0000X", passageId: misread);
        await r.ReviewAsync("E1", misread, "2026-10-11 09:00:00", "correct", "冀A00001", "H11");
        var ghost = Guid.NewGuid();
        await r.InsertAsync("passages", new Dictionary<string, object?>
        {
            ["passage_id"] = ghost, ["event_id"] = "ghost", ["enterprise_id"] = "E1", ["gate_id"] = "G01", ["lane_id"] = "L1",
            ["direction"] = 1, ["pass_time"] = "2026-10-14 09:00:00", ["plate_no"] = "冀A0000Y", ["plate_color"] = "yellow",
            ["vehicle_type"] = "H11", ["device_id"] = "cam-01", ["pictures"] = Array.Empty<string>(),
        });
        await r.ReviewAsync("E1", ghost, "2026-10-14 09:00:00", "reject", "冀A0000Y", "H11");

        await r.RegisterAsync("in_plant_vehicles", "E1", "IP1", 1, "2026-09-01 00:00:00", "5");
        await r.RegisterAsync("in_plant_vehicles", "E1", "IP2", 1, "2026-09-01 00:00:00", "4");
        await r.RegisterAsync("in_plant_vehicles", "E1", "IP2", 2, "2026-10-31 23:00:00", "D");
        await r.RegisterAsync("in_plant_vehicles", "E1", "IP3", 1, "2026-11-01 00:00:00", "6");
        await r.RegisterAsync("in_plant_vehicles", "E1", "IP4", 1, "2026-09-01 00:00:00", "4");
        await r.RegisterAsync("non_road_machinery", "E1", "NR1", 1, "2026-09-01 00:00:00", "3");
        await r.RegisterAsync("non_road_machinery", "E1", "NR2", 1, "2026-09-01 00:00:00", "X");
        await r.RegisterAsync("non_road_machinery", "E1", "NR3", 1, "2026-09-01 00:00:00", "2");
        await r.RegisterAsync("non_road_machinery", "E1", "NR3", 2, "2026-11-02 00:00:00", "4");

        await r.DecisionAsync("E1", "2026-10-12 10:00:00", "deny", "橙色预警管控中");
        await r.DecisionAsync("E1", "2026-10-12 11:00:00", "allow", "橙色预警管控中");
        await r.DecisionAsync("E1", "2026-10-13 10:00:00", "deny", "常态");

        await r.TripAsync("E3", "冀A0000D", "H11", "2026-10-15 09:00:00", 20000, color: "yellow-green");

        var import = await host.Get<WaybillImporter>().ImportAsync("E1", "rail.csv", Encoding.UTF8.GetBytes(Waybills), "王工", CancellationToken.None);
        Assert.True(import.Accepted, string.Join("; ", import.Errors));
        await host.Get<RatingRefresher>().RefreshAsync(new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 30), CancellationToken.None);
        return host;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
