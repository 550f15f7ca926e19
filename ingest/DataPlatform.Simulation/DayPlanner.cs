using System.Globalization;
using DataPlatform.Gate;

namespace DataPlatform.Simulation;

/// <summary>
/// Plans one simulated day: trip start times from the hourly and weekday pattern, a free vehicle for each trip
/// (a vehicle is never in the plant twice, so its exit always follows its entry, both within the day), paired
/// weighings, duplicates, garbage and outages. A camera that is cut off uploads its backlog when it is back
/// (断网续传: same capture times, later sends); a truck meeting a dead weighbridge line waits for it.
/// </summary>
internal sealed class DayPlanner(GateEventGenerator generator, Random random, double volume = 1.0)
{
    private static readonly TimeSpan MinDwell = TimeSpan.FromMinutes(20);
    private readonly SimulationProfile _profile = generator.Profile;
    private long _sequence;

    public SimulatedTraffic Plan(DateOnly day)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        var end = start.AddDays(1);
        var outages = Outages(start);
        var pushes = new List<SimulatedPush>();
        var weighings = new List<SimulatedWeighing>();
        var secondReads = new List<SimulatedPush>();
        var readings = new List<SimulatedPush>();
        var busyUntil = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var dayTag = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        string NextId() => string.Create(CultureInfo.InvariantCulture, $"sim-{generator.Seed}-{dayTag}-{++_sequence}");

        foreach (var entry in EntryTimes(day, start))
        {
            var exit = entry + MinDwell + TimeSpan.FromMinutes(random.Next(130));
            if (exit > end.AddMinutes(-1)) exit = end.AddMinutes(-1);
            if (exit - entry < TimeSpan.FromMinutes(15) || FreeVehicle(busyUntil, entry) is not { } vehicle) continue;
            busyUntil[vehicle.Plate] = exit;
            var trip = generator.NewTrip(random, vehicle);
            var (inGate, outGate) = (Gate(), Gate());
            var entering = generator.Passage(random, vehicle, 1, inGate, entry, NextId());
            var leaving = generator.Passage(random, vehicle, 2, outGate, exit, NextId());
            pushes.Add(entering);
            pushes.Add(leaving);
            foreach (var (passage, gate) in new[] { (entering, inGate), (leaving, outGate) })
                if (random.NextDouble() < _profile.SecondCameraShare && generator.SecondCamera(random, passage, vehicle, gate, NextId()) is { } second)
                    secondReads.Add(second);
            if (vehicle.Smokes && (vehicle.HighEmitter || random.NextDouble() < _profile.OpacitySpotCheckShare))
                readings.Add(generator.OpacityReading(random, vehicle, inGate, entry.AddSeconds(20 + random.Next(40)), NextId().Replace("sim-", "om-", StringComparison.Ordinal)));
            if (trip.Weighed)
            {
                weighings.Add(GateEventGenerator.Weighing(vehicle, trip, 1, entry.AddMinutes(2 + random.Next(5))));
                weighings.Add(GateEventGenerator.Weighing(vehicle, trip, 2, exit.AddMinutes(-2 - random.Next(5))));
            }
        }

        var duplicates = pushes.Where(_ => random.NextDouble() < _profile.DuplicateShare)
            .Select(p => p with { Kind = SimulatedPushKind.Duplicate, TagRead = null, SendAt = p.SendAt.AddSeconds(1 + random.Next(30)) }).ToList();
        var garbage = Enumerable.Range(0, (int)Math.Round(pushes.Count * _profile.MalformedShare))
            .Select(_ => generator.Garbage(random, start.AddSeconds(random.Next(86_400)))).ToList();
        // Second reads are added after the duplicates are drawn: a camera re-sends its own events, and a re-sent
        // refused read would be refused again, not "accepted without a new row".
        var all = pushes.Concat(duplicates).Concat(garbage).Select(p => Delayed(p, outages)).Concat(secondReads).ToList();
        var shifted = weighings.Select(w => Waited(w, outages)).ToList();
        var resent = readings.Where(_ => random.NextDouble() < _profile.DuplicateShare)
            .Select(r => r with { Kind = SimulatedPushKind.Duplicate, SendAt = r.SendAt.AddSeconds(1 + random.Next(30)) }).ToList();
        var badReadings = Enumerable.Range(0, readings.Count == 0 ? 0 : Math.Max(1, (int)Math.Round(readings.Count * _profile.MalformedShare)))
            .Select(_ => generator.ReadingGarbage(random, start.AddSeconds(random.Next(86_400)))).ToList();
        // OrderBy is stable: pushes sent in the same second keep their planned order.
        return new SimulatedTraffic(day, generator.Fleet, [.. all.OrderBy(p => p.SendAt)], [.. shifted.OrderBy(w => w.At)], outages)
        {
            Readings = [.. readings.Concat(resent).Concat(badReadings).OrderBy(p => p.SendAt)],
        };
    }

    private IEnumerable<DateTimeOffset> EntryTimes(DateOnly day, DateTimeOffset start)
    {
        var weights = _profile.HourlyWeights;
        var total = weights.Sum();
        var factor = _profile.WeekdayFactors[(int)day.DayOfWeek] * volume;
        var times = new List<DateTimeOffset>();
        for (var hour = 0; hour < 24 && total > 0; hour++)
        {
            var expected = _profile.DailyTrips * factor * weights[hour] / total;
            var count = (int)expected + (random.NextDouble() < expected % 1 ? 1 : 0);
            // The last hour's arrivals come early enough to leave again before midnight.
            var span = hour == 23 ? 1800 : 3600;
            for (var i = 0; i < count; i++) times.Add(start.AddHours(hour).AddSeconds(random.Next(span)));
        }
        times.Sort();
        return times;
    }

    private SimulatedVehicle? FreeVehicle(Dictionary<string, DateTimeOffset> busyUntil, DateTimeOffset at)
    {
        var fleet = generator.Fleet;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var candidate = fleet[random.Next(fleet.Count)];
            if (!busyUntil.TryGetValue(candidate.Plate, out var until) || until < at) return candidate;
        }
        return null;
    }

    private string Gate() => _profile.Gates[random.Next(_profile.Gates.Count)];

    private List<SimulatedOutage> Outages(DateTimeOffset start)
    {
        var cameras = SimulatedPlant.Lanes(_profile).Select(l => SimulatedPlant.CameraId(l.Gate, l.Lane)).ToList();
        return [.. Enumerable.Range(0, _profile.OutagesPerDay).Select(_ =>
        {
            var device = random.NextDouble() < 0.4 ? SimulatedPlant.WeighbridgeId : cameras[random.Next(cameras.Count)];
            var from = start.AddMinutes(random.Next(23 * 60));
            return new SimulatedOutage(device, from, from.AddMinutes(5 + random.Next(36)));
        })];
    }

    private SimulatedPush Delayed(SimulatedPush push, List<SimulatedOutage> outages)
    {
        foreach (var o in outages)
            if (o.DeviceId == push.DeviceId && push.SendAt >= o.From && push.SendAt < o.To)
                return push with { SendAt = o.To.AddSeconds(random.Next(60)) };
        return push;
    }

    private SimulatedWeighing Waited(SimulatedWeighing weighing, List<SimulatedOutage> outages)
    {
        foreach (var o in outages)
            if (o.DeviceId == weighing.WeighbridgeId && weighing.At >= o.From && weighing.At < o.To)
                return weighing with { At = o.To.AddSeconds(30 + random.Next(120)) };
        return weighing;
    }
}
