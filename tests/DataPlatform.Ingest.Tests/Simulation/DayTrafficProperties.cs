using DataPlatform.Gate;
using DataPlatform.Simulation;
using FsCheck.Xunit;

namespace DataPlatform.Ingest.Tests.Simulation;

/// <summary>The day planner's promises: reproducible from the seed, vehicles that leave only after they came,
/// a fleet shaped like the profile says.</summary>
public sealed class DayTrafficProperties
{
    private static readonly DateOnly Day = new(2026, 11, 26);

    private static SimulationProfile Small(int index) =>
        SimulationProfile.All[Math.Abs(index % SimulationProfile.All.Count)] with { DailyTrips = 120, FleetSize = 60, DuplicateShare = 0.05, MalformedShare = 0.03, MisreadShare = 0.05 };

    [Property(MaxTest = 30)]
    public void The_same_seed_gives_the_same_traffic(int seed, int profile, byte dayOffset)
    {
        var day = Day.AddDays(dayOffset);
        var a = new GateEventGenerator(Small(profile), seed).Day(day);
        var b = new GateEventGenerator(Small(profile), seed).Day(day);
        Assert.Equal(a.Pushes.Select(p => (p.Kind, p.SendAt, Convert.ToHexString(p.Body))), b.Pushes.Select(p => (p.Kind, p.SendAt, Convert.ToHexString(p.Body))));
        Assert.Equal(a.Weighings, b.Weighings);
        Assert.Equal(a.Outages, b.Outages);
        Assert.Equal(a.Fleet, b.Fleet);
    }

    [Property(MaxTest = 50)]
    public void Every_vehicle_exits_after_it_entered_and_weighings_pair_up(int seed, int profile)
    {
        var traffic = new GateEventGenerator(Small(profile), seed).Day(Day);
        var start = new DateTimeOffset(Day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        // The first camera's reads make the trips; a disagreeing second camera's read is an extra event of a passage.
        foreach (var trips in traffic.Pushes.Where(p => p is { Kind: SimulatedPushKind.Valid, SecondCamera: false }).GroupBy(p => p.VehiclePlate))
        {
            var passages = trips.OrderBy(p => p.PassTime).ToList();
            Assert.Equal(0, passages.Count % 2);
            for (var i = 0; i < passages.Count; i += 2)
            {
                Assert.Equal((1, 2), (passages[i].Direction, passages[i + 1].Direction));
                Assert.True(passages[i + 1].PassTime > passages[i].PassTime);
            }
            Assert.All(passages, p => Assert.InRange(p.PassTime, start, start.AddDays(1)));
        }
        // A weighed trip is weighed twice: once gross, once tare, the difference being the payload.
        foreach (var pair in traffic.Weighings.GroupBy(w => w.Plate))
            Assert.Equal(pair.Count(w => w.Gross), pair.Count(w => !w.Gross));
        Assert.All(traffic.Pushes.Where(p => p.Kind != SimulatedPushKind.Malformed),
            p => Assert.True(GateEventCodec.Parse(p.Body, start.AddDays(2)).IsSuccess));
    }

    [Fact]
    public void Profiles_shape_fleet_and_day()
    {
        var steel = new GateEventGenerator(SimulationProfile.Find("steel")!, 1);
        var nev = steel.Fleet.Count(v => v.IsNewEnergy) / (double)steel.Fleet.Count;
        Assert.InRange(nev, 0.08, 0.25);
        Assert.Contains(steel.Fleet, v => v.Stage == EmissionStage.Guo6b);
        Assert.Contains(steel.Fleet, v => v.Fuel == FuelType.NaturalGas);
        Assert.True(steel.Fleet.Select(v => v.Carrier).Distinct().Count() >= 4);
        Assert.All(steel.Fleet, v => Assert.True(Vin.TryParse(v.Vin, out _, out _) && PlateNumber.TryParse(v.Plate, out _, out _)));

        var chemicals = new GateEventGenerator(SimulationProfile.Find("chemicals")!, 1);
        Assert.InRange(chemicals.Fleet.Count(v => v.IsHazmat) / (double)chemicals.Fleet.Count, 0.3, 0.6);
        // Hazmat plants work by day: nothing passes between 22:00 and 05:00.
        var day = chemicals.Day(Day);
        Assert.DoesNotContain(day.Pushes, p => p.Kind == SimulatedPushKind.Valid && p.PassTime.Hour is >= 22 or < 5);

        // Steel works receive more at night than at noon; a Sunday at the manufacturer is quiet.
        var steelDay = steel.Day(Day);
        int Hour(SimulatedTraffic t, int h) => t.Pushes.Count(p => p.Kind == SimulatedPushKind.Valid && p.Direction == 1 && p.PassTime.Hour == h);
        Assert.True(Hour(steelDay, 1) > Hour(steelDay, 12));
        var maker = new GateEventGenerator(SimulationProfile.Find("manufacturer")!, 1);
        Assert.True(maker.Day(new DateOnly(2026, 11, 29)).Valid * 3 < maker.Day(new DateOnly(2026, 11, 25)).Valid);
        Assert.True(steelDay.Misreads > 0 && steelDay.Duplicates > 0 && steelDay.Outages.Count == 2);
    }

    [Property(MaxTest = 40)]
    public void A_second_camera_disagrees_by_one_confusable_character_and_an_unreadable_read_is_refused(int seed, int profile)
    {
        var traffic = new GateEventGenerator(Small(profile) with { SecondCameraShare = 0.3 }, seed).Day(Day);
        var start = new DateTimeOffset(Day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        foreach (var second in traffic.Pushes.Where(p => p.SecondCamera))
        {
            var read = Plate(second);
            var differing = read.Zip(second.VehiclePlate).Where(c => c.First != c.Second).ToList();
            var (wrong, truth) = Assert.Single(differing);
            Assert.Contains((truth, wrong), new[] { ('0', 'D'), ('D', '0'), ('0', 'Q'), ('Q', '0'), ('D', 'Q'), ('Q', 'D'), ('8', 'B'), ('B', '8'), ('1', 'I') });
            Assert.EndsWith("b", second.DeviceId);
            Assert.Equal(second.Kind == SimulatedPushKind.Valid, GateEventCodec.Parse(second.Body, start.AddDays(2)).IsSuccess);
            Assert.Equal(wrong == 'I' || !PlateNumber.TryParse(read, out _, out _), second.Kind == SimulatedPushKind.Malformed);
        }
    }

    [Property(MaxTest = 30)]
    public void Opacity_readings_put_high_emitters_above_the_limit_and_others_below(int seed, int profile)
    {
        var p = Small(profile) with { HighEmitterShare = 0.3, OpacitySpotCheckShare = 0.3 };
        var generator = new GateEventGenerator(p, seed);
        var traffic = generator.Day(Day);
        var fleet = generator.Fleet.ToDictionary(v => v.Plate);
        foreach (var reading in traffic.Readings.Where(r => r.Kind == SimulatedPushKind.Valid))
        {
            var vehicle = fleet[reading.VehiclePlate];
            Assert.True(vehicle.Smokes);
            Assert.Equal(vehicle.HighEmitter, reading.AbsorptionCoefficient > 1.2m);
            using var body = System.Text.Json.JsonDocument.Parse(reading.Body);
            var opacity = body.RootElement.GetProperty("opacityPercent").GetDecimal();
            // N = 100·(1 − e^(−k·0.43)): the two measures of one reading agree.
            Assert.InRange((double)opacity, 100 * (1 - Math.Exp(-(double)reading.AbsorptionCoefficient!.Value * 0.43)) - 0.06,
                100 * (1 - Math.Exp(-(double)reading.AbsorptionCoefficient!.Value * 0.43)) + 0.06);
        }
        Assert.All(traffic.Readings.Where(r => r.Kind == SimulatedPushKind.Duplicate), d => Assert.Contains(traffic.Readings, r => r.Kind == SimulatedPushKind.Valid && r.EventId == d.EventId));
        if (traffic.Readings.Any(r => r.Kind == SimulatedPushKind.Valid))
            Assert.Contains(traffic.Readings, r => r.Kind == SimulatedPushKind.Malformed);
    }

    private static string Plate(SimulatedPush push) =>
        System.Text.Json.JsonDocument.Parse(push.Body).RootElement.GetProperty("plateNo").GetString()!;
}
