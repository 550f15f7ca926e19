using System.Text;
using DataPlatform.Compliance.Decisions;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;
using DataPlatform.Processing.Commands;
using Microsoft.Extensions.Logging.Abstractions;
using static DataPlatform.Tests.Decisions.DecisionFixtures;

namespace DataPlatform.Processing.Tests.Decisions;

public sealed class PolicyStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dataplatform-tests", "policy-store-" + Guid.NewGuid().ToString("N"));

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public void A_reloaded_snapshot_decides_the_same_as_the_live_state()
    {
        var seed = VehicleSeedReader.Read(
            [new VehicleSeed { PlateNo = "冀B11111", PlateColor = "yellow", VehicleType = "H11", Fuel = "B", Stage = "3", Flags = ["livelihood"] }],
            (_, r) => throw new InvalidOperationException(r.Reason));
        var live = new PolicyStore(PathOf("state.json"), seed, NullLogger.Instance);
        var commands = new[]
        {
            RegisterJson("r1", Guo4Truck, "国四"),
            RegisterJson("r2", "冀B66666", "国六"),
            RegisterJson("r3", "冀B11111", "国五"), // a command overrides the seed
            OrangePolicyJson("p-orange", "p1"),
            BlacklistJson("b1", "冀B99999"),
            """{"commandId":"b2","kind":"blacklist.remove","issuedAt":"2026-06-01T08:00:00+08:00","enterpriseId":"E1302001","plateNo":"冀B99999","plateColor":"yellow","removedAt":"2026-06-01T08:00:00+08:00"}""",
            """{"commandId":"k1","kind":"booking.add","issuedAt":"2026-06-01T08:00:00+08:00","enterpriseId":"E1302001","bookingId":"bk-1","plateNo":"冀B22222","plateColor":"yellow","windowStart":"2026-01-01T00:00:00+08:00","windowEnd":"2027-01-01T00:00:00+08:00","cargoName":"焦炭","whitelistEffect":true}""",
            AlertJson("a1", "orange", new DateTimeOffset(2026, 3, 1, 0, 0, 0, ChinaTime.Offset)),
            AlertJson("a2", "none", new DateTimeOffset(2026, 4, 1, 0, 0, 0, ChinaTime.Offset)),
            AlertJson("a3", "red", new DateTimeOffset(2026, 5, 1, 0, 0, 0, ChinaTime.Offset)),
        };
        foreach (var json in commands)
        {
            var parsed = ControlCommandCodec.Parse(Encoding.UTF8.GetBytes(json));
            Assert.True(parsed.IsSuccess, parsed.ToString());
            Assert.True(live.Apply(parsed.Command).Changed, json);
        }
        live.ApplyAt(null, new CommandLogPosition(0, commands.Length, "m"));
        live.Save();

        var reloaded = new PolicyStore(PathOf("state.json"), seed, NullLogger.Instance);

        Assert.True(reloaded.RestoredFromSnapshot);
        Assert.Equal(live.Current.Version, reloaded.Current.Version);
        Assert.Equal(commands.Length, reloaded.Current.Offsets[0]);
        Assert.Equal(live.Current.Registry.Vehicles, reloaded.Current.Registry.Vehicles);
        var plates = new[] { Guo4Truck, "冀B66666", "冀B11111", "冀B99999", "冀B22222", "冀B77777" };
        var times = new[] { 2, 3, 4, 5, 7 }.Select(m => new DateTimeOffset(2026, m, 15, 9, 0, 0, ChinaTime.Offset));
        foreach (var plate in plates)
            foreach (var time in times)
            {
                var e = Event("x", plate, time);
                Assert.Equal(
                    GateDecider.Decide(e, live.Current.Registry, live.Current.Policies, time),
                    GateDecider.Decide(e, reloaded.Current.Registry, reloaded.Current.Policies, time));
            }
        // And the state really is the orange/red plan: a 国四 truck is refused during an alert, allowed without.
        Assert.Equal(GateOutcome.Deny, Decide(reloaded, Guo4Truck, 3));
        Assert.Equal(GateOutcome.Allow, Decide(reloaded, Guo4Truck, 4));
        Assert.Equal(GateOutcome.Deny, Decide(reloaded, Guo4Truck, 5));
        Assert.Equal(GateOutcome.Deny, Decide(reloaded, "冀B99999", 5)); // blacklisted until June (and unknown)
    }

    [Fact]
    public void An_unreadable_snapshot_is_set_aside_and_the_store_starts_from_the_seed()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(PathOf("state.json"), "{ not a snapshot");
        var store = new PolicyStore(PathOf("state.json"), VehicleRegistry.Empty, NullLogger.Instance);
        Assert.False(store.RestoredFromSnapshot);
        Assert.Equal(0, store.Current.Version);
        Assert.Single(Directory.GetFiles(_directory, "state.json.unreadable-*"));
    }

    [Fact]
    public void A_bad_seed_entry_is_reported_and_skipped()
    {
        var rejected = new List<int>();
        var registry = VehicleSeedReader.Read(
        [
            new VehicleSeed { PlateNo = "冀B11111", PlateColor = "yellow", Fuel = "B", Stage = "5" },
            new VehicleSeed { PlateNo = "冀O11111", PlateColor = "yellow", Fuel = "B", Stage = "5" },
            new VehicleSeed { PlateNo = "冀B22222", PlateColor = "yellow", Fuel = "B", Stage = "国9" },
        ], (index, _) => rejected.Add(index));
        Assert.Equal(1, registry.Count);
        Assert.Equal([1, 2], rejected);
    }

    private static GateOutcome Decide(PolicyStore store, string plate, int month)
    {
        var time = new DateTimeOffset(2026, month, 15, 9, 0, 0, ChinaTime.Offset);
        return GateDecider.Decide(Event("x", plate, time), store.Current.Registry, store.Current.Policies, time).Outcome;
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
