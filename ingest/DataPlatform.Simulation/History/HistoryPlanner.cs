using System.Globalization;
using DataPlatform.Gate;
using DataPlatform.Gate.Calendar;

namespace DataPlatform.Simulation.History;

/// <summary>One simulated past day: its traffic (with the history's opacity spot checks) and the guard's manual
/// passages to post after it.</summary>
public sealed record HistoryDay(DateOnly Day, double Volume, ChinaDayKind Kind, AlertEpisode? Alert, SimulatedTraffic Traffic, IReadOnlyList<GuardManualPassage> GuardPassages);

/// <summary>A passage a guard enters by hand at the guard booth (the gate had denied the truck).</summary>
public sealed record GuardManualPassage(string EnterpriseId, string GateId, string LaneId, int Direction, DateTimeOffset PassTime, string Plate,
    string PlateColor, string VehicleType, string Note);

/// <summary>
/// Plans a past of <see cref="HistoryOptions.Days"/> days from a profile and seed: the weekly and daily rhythm of the
/// profile, the State Council's holidays (<see cref="ChinaHolidays"/>: fewer trucks on a holiday, a normal day on a
/// worked weekend), heavy-pollution alert episodes (fewer trips; the plant's standing plan denies 国四 trucks), and
/// the history's own smoke-opacity spot checks of a fleet in which some diesel trucks smoke. Which ones smoke is
/// drawn here, from stage, register age and fleet, and leaves the simulator only in <see cref="Labels"/>. Days are planned with
/// <see cref="GateEventGenerator.Day(DateOnly, double)"/>, so the same seed gives the same history.
/// </summary>
public sealed class HistoryPlanner
{
    public const string OverridePlateProvince = "冀";
    private readonly HistoryOptions _options;
    private readonly ChinaHolidays _holidays = ChinaHolidays.Official;
    private readonly Dictionary<string, SimulatedVehicle> _byPlate;
    private readonly List<PlantedAnomaly> _planted = [];

    public HistoryPlanner(SimulationProfile profile, HistoryOptions options)
    {
        _options = options;
        // The fleet depends on the profile's fleet settings only, so scaling the trips leaves it the same.
        Profile = profile with { DailyTrips = Math.Max(1, (int)Math.Round(profile.DailyTrips * options.Scale)) };
        Generator = new GateEventGenerator(Profile, options.Seed);
        _byPlate = Generator.Fleet.ToDictionary(v => v.Plate, StringComparer.Ordinal);
        Smokers = DrawSmokers(Generator.Fleet, options.Seed);
        Alerts = DrawAlerts(options);
        var random = new Random(unchecked(options.Seed * 31 + 17));
        OverrideVehicle = NewVehicle(random, "H11");
        ClonedPlateDay = options.EndDay.AddDays(-Math.Min(5, options.Days));
        OverrideDay = options.EndDay.AddDays(-Math.Min(3, options.Days));
        BurstDay = options.EndDay.AddDays(-Math.Min(8, options.Days));
    }

    public SimulationProfile Profile { get; }

    public GateEventGenerator Generator { get; }

    public IReadOnlySet<string> Smokers { get; }

    public IReadOnlyList<AlertEpisode> Alerts { get; }

    /// <summary>A truck that is not in the fleet, blacklisted for the whole history, whose repeated denials end in a
    /// guard's manual passage on <see cref="OverrideDay"/>.</summary>
    public SimulatedVehicle OverrideVehicle { get; }

    public DateOnly ClonedPlateDay { get; }

    public DateOnly OverrideDay { get; }

    public DateOnly BurstDay { get; }

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, _options.Days).Select(d => _options.FirstDay.AddDays(d));

    public HistoryLabels Labels => new(_options.Seed, Profile.Name, Smokers, [.. _planted.DistinctBy(p => (p.Kind, p.Subject, p.At))], Alerts);

    public HistoryDay Plan(DateOnly day)
    {
        var kind = _holidays.Kind(day);
        var alert = Alerts.FirstOrDefault(a => a.Covers(day));
        var weekday = Profile.WeekdayFactors[(int)day.DayOfWeek];
        var volume = kind switch
        {
            ChinaDayKind.Holiday => _options.HolidayVolume / weekday,
            ChinaDayKind.AdjustedWorkday => 1.0 / weekday,
            _ => 1.0,
        } * (alert?.Level switch { "red" => _options.RedAlertVolume, "orange" => _options.OrangeAlertVolume, _ => 1.0 });
        var traffic = Generator.Day(day, volume);
        var random = new Random(unchecked(_options.Seed * 104_729 + day.DayNumber));
        var pushes = traffic.Pushes.ToList();
        var guard = new List<GuardManualPassage>();
        if (_options.PlantAnomalies)
        {
            if (day == ClonedPlateDay) PlantClone(pushes, random);
            if (day == OverrideDay) PlantOverride(day, pushes, guard, random);
            if (day == BurstDay) PlantBurst(day, pushes, random);
        }
        var readings = SpotChecks(day, pushes, random);
        return new HistoryDay(day, volume, kind, alert,
            traffic with { Pushes = [.. pushes.OrderBy(p => p.SendAt)], Readings = readings }, guard);
    }

    /// <summary>Diesel goods vehicles smoke with a probability by stage (国四 and older far more), age (within a stage,
    /// the oldest registered ×1.4, the newest ×0.6: <see cref="SimulatedRegisterDates"/>, the date the national platform
    /// lists) and fleet (owner-drivers and the last listed carrier more, the plant's own fleet less); the profile's high
    /// emitters always do.</summary>
    public static IReadOnlySet<string> DrawSmokers(IReadOnlyList<SimulatedVehicle> fleet, int seed)
    {
        var random = new Random(unchecked(seed * 613 + 5));
        var carriers = fleet.Select(v => v.Carrier).Distinct().ToList();
        var smokers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in fleet)
        {
            var roll = random.NextDouble();
            if (!v.Smokes) continue;
            var stage = v.Stage switch
            {
                EmissionStage.Guo4 or EmissionStage.Guo3 or EmissionStage.Guo2 => 0.32,
                EmissionStage.Guo5 => 0.10,
                _ => 0.02,
            };
            var carrier = v.Carrier == "个体" ? 1.8 : carriers.Count > 2 && v.Carrier == carriers[^1] ? 2.2 : carriers.Count > 0 && v.Carrier == carriers[0] ? 0.5 : 1.0;
            var age = 0.6 + 0.8 * SimulatedRegisterDates.EraAge(v);
            if (v.HighEmitter || roll < stage * carrier * age) smokers.Add(v.Plate);
        }
        return smokers;
    }

    private static List<AlertEpisode> DrawAlerts(HistoryOptions options)
    {
        var random = new Random(unchecked(options.Seed * 7 + 3));
        var alerts = new List<AlertEpisode>();
        var day = options.FirstDay.AddDays(3 + random.Next(options.DaysBetweenAlerts));
        while (day < options.EndDay)
        {
            var length = 2 + random.Next(2);
            alerts.Add(new AlertEpisode(day, day.AddDays(length), random.NextDouble() < 0.3 ? "red" : "orange"));
            day = day.AddDays(length + options.DaysBetweenAlerts / 2 + random.Next(options.DaysBetweenAlerts));
        }
        return alerts;
    }

    // The gate's meter measures a share of diesel goods trucks' entries. Smokers read k about 0.85–2.0 m⁻¹, worse as
    // the weeks pass, so about half their readings are over the 1.2 limit; clean trucks read by stage, and now and
    // then high once (a cold engine, a gust) — what makes "the latest reading over the limit" an imperfect rule.
    private List<SimulatedPush> SpotChecks(DateOnly day, List<SimulatedPush> pushes, Random random)
    {
        var progress = (double)(day.DayNumber - _options.FirstDay.DayNumber) / Math.Max(1, _options.Days);
        var readings = new List<SimulatedPush>();
        var n = 0;
        foreach (var push in pushes.Where(p => p is { Kind: SimulatedPushKind.Valid, Direction: 1, SecondCamera: false, Misread: false }))
        {
            if (!_byPlate.TryGetValue(push.VehiclePlate, out var vehicle) || !vehicle.Smokes || random.NextDouble() >= _options.SpotCheckShare) continue;
            var k = Smokers.Contains(vehicle.Plate)
                ? 0.85 + 0.9 * random.NextDouble() + 0.3 * progress
                : random.NextDouble() < 0.03 ? 1.22 + 0.4 * random.NextDouble()
                : vehicle.Stage switch
                {
                    EmissionStage.Guo4 or EmissionStage.Guo3 => 0.35 + 0.5 * random.NextDouble(),
                    EmissionStage.Guo5 => 0.15 + 0.4 * random.NextDouble(),
                    _ => 0.02 + 0.25 * random.NextDouble(),
                };
            var id = string.Create(CultureInfo.InvariantCulture, $"omh-{_options.Seed}-{day:yyyyMMdd}-{++n}");
            readings.Add(Generator.OpacityReading(random, vehicle, GateOf(push), push.PassTime.AddSeconds(20 + random.Next(40)), id, k));
        }
        return [.. readings.OrderBy(r => r.SendAt)];
    }

    private static string GateOf(SimulatedPush push) => push.DeviceId.Split('-') is { Length: >= 3 } parts ? parts[1] : "G01";

    private void PlantClone(List<SimulatedPush> pushes, Random random)
    {
        var gates = Profile.Gates;
        if (gates.Count < 2) return;
        var original = pushes.FirstOrDefault(p => p is { Kind: SimulatedPushKind.Valid, Direction: 1, SecondCamera: false, Misread: false }
                                                  && ChinaTime.From(p.PassTime).Hour >= 8 && _byPlate.ContainsKey(p.VehiclePlate));
        if (original is null) return;
        var vehicle = _byPlate[original.VehiclePlate];
        var other = gates.First(g => g != GateOf(original));
        // The copy of the plate, on another truck, enters at the other gate 70 s later.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var clone = Generator.Passage(random, vehicle, 1, other, original.PassTime.AddSeconds(70), $"sim-clone-{_options.Seed}-{ClonedPlateDay:yyyyMMdd}-{attempt}");
            if (clone.Misread) continue;
            pushes.Add(clone with { TagRead = null });
            _planted.Add(new PlantedAnomaly("cloned-plate", vehicle.Plate, clone.PassTime, $"{GateOf(original)}→{other} 70 s"));
            return;
        }
    }

    private void PlantOverride(DateOnly day, List<SimulatedPush> pushes, List<GuardManualPassage> guard, Random random)
    {
        var gate = Profile.Gates[0];
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset);
        var v = OverrideVehicle;
        for (var i = 0; i < 3; i++)
        {
            var push = Generator.Passage(random, v, 1, gate, start.AddMinutes(6 * i), $"sim-override-{_options.Seed}-{day:yyyyMMdd}-{i}");
            if (!push.Misread) pushes.Add(push with { TagRead = null });
        }
        var manualAt = start.AddMinutes(20);
        guard.Add(new GuardManualPassage(Profile.EnterpriseId, gate, $"L{SimulatedPlant.LaneFor(Profile, 1)}", 1, manualAt, v.Plate, v.PlateColor, v.VehicleType,
            "司机称有急件，人工放行"));
        _planted.Add(new PlantedAnomaly("guard-override", v.Plate, manualAt, $"3 denials at {gate}, then a manual passage"));
    }

    private void PlantBurst(DateOnly day, List<SimulatedPush> pushes, Random random)
    {
        var gate = Profile.Gates[^1];
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), ChinaTime.Offset);
        var weights = Profile.HourlyWeights;
        var usual = Profile.DailyTrips * weights[2] / weights.Sum() / Profile.Gates.Count;
        var count = (int)Math.Max(30, 3 * usual + 10);
        for (var i = 0; i < count; i++)
        {
            var truck = NewVehicle(random, "Q11");
            var entry = at.AddSeconds(random.Next(3600));
            foreach (var (direction, time) in new[] { (1, entry), (2, entry.AddMinutes(40 + random.Next(20))) })
            {
                var push = Generator.Passage(random, truck, direction, gate, time, $"sim-burst-{_options.Seed}-{day:yyyyMMdd}-{i}-{direction}");
                pushes.Add(push with { TagRead = null });
            }
        }
        _planted.Add(new PlantedAnomaly("night-burst", gate, at, $"{count} unknown trucks 02:00–03:00"));
    }

    private SimulatedVehicle NewVehicle(Random random, string type)
    {
        string plate;
        do plate = SimulatedPlates.Ordinary(random, OverridePlateProvince[0]);
        while (_byPlate.ContainsKey(plate));
        return new SimulatedVehicle(plate, "yellow", type, EmissionStage.Guo5, FuelType.Diesel, UseNature.Freight, "个体", SimulatedPlates.Vin(random), 12_000, 18_000);
    }
}
