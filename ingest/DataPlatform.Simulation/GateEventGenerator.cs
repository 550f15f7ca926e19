using System.Globalization;
using System.Text;
using System.Text.Json;
using DataPlatform.Gate;

namespace DataPlatform.Simulation;

/// <summary>
/// Generates a plant's gate traffic from a seed: the same profile and seed give the same fleet and the same
/// pushes. Two modes share the fleet: <see cref="Next"/> streams passages at whatever time the caller says (a
/// load generator: each call moves a random vehicle in or out), and <see cref="Day(DateOnly, double)"/> plans a
/// whole simulated day with the profile's hourly and weekday pattern, paired weighings and outages
/// (<see cref="DayPlanner"/>).
/// </summary>
public sealed class GateEventGenerator
{
    private static readonly string[] Malformations =
    [
        "{\"eventId\": \"broken",
        "{\"eventId\":\"x-1\",\"enterpriseId\":\"E1\",\"gateId\":\"G01\",\"laneId\":\"L1\",\"direction\":1,\"passTime\":\"2026-01-01T08:00:00+08:00\",\"plateNo\":\"京I12345\",\"plateColor\":\"blue\"}",
        "{\"eventId\":\"x-2\",\"enterpriseId\":\"E1\",\"gateId\":\"G01\",\"laneId\":\"L1\",\"direction\":3,\"passTime\":\"2026-01-01T08:00:00+08:00\",\"plateNo\":\"京A12345\",\"plateColor\":\"blue\"}",
        "{\"eventId\":\"x-3\",\"enterpriseId\":\"E1\",\"gateId\":\"G01\",\"laneId\":\"L1\",\"direction\":1,\"passTime\":\"2026-01-01T08:00:00+08:00\",\"plateNo\":\"京A12345\",\"plateColor\":\"purple\"}",
    ];

    private readonly Random _random;
    private readonly List<SimulatedPush> _sent = [];
    private readonly Dictionary<string, Trip> _inPlant = new(StringComparer.Ordinal);
    private long _sequence;

    public GateEventGenerator(SimulationProfile profile, int seed)
    {
        Profile = profile;
        Seed = seed;
        _random = new Random(seed);
        // The fleet has its own stream so it is the same whichever mode runs and however long.
        Fleet = FleetBuilder.Build(profile, new Random(seed));
    }

    public SimulationProfile Profile { get; }

    public int Seed { get; }

    /// <summary>The plant's vehicles, for seeding a vehicle register with what the traffic will show.</summary>
    public IReadOnlyList<SimulatedVehicle> Fleet { get; }

    /// <summary>Plans <paramref name="day"/> (China time). Independent of any earlier call: the same seed and
    /// day always give the same traffic.</summary>
    public SimulatedTraffic Day(DateOnly day) => Day(day, 1.0);

    /// <summary>Plans <paramref name="day"/> with <paramref name="volume"/> times the profile's trips (a holiday, an
    /// alert day); 1.0 gives exactly <see cref="Day(DateOnly)"/>.</summary>
    public SimulatedTraffic Day(DateOnly day, double volume) =>
        new DayPlanner(this, new Random(unchecked(Seed * 7919 + day.DayNumber)), volume).Plan(day);

    /// <summary>The next push of the stream mode, captured at <paramref name="passTime"/>.</summary>
    public SimulatedPush Next(DateTimeOffset passTime)
    {
        var roll = _random.NextDouble();
        if (roll < Profile.MalformedShare)
            return Garbage(_random, passTime);
        if (roll < Profile.MalformedShare + Profile.DuplicateShare && _sent.Count > 0)
        {
            var original = _sent[_random.Next(_sent.Count)];
            return original with { Kind = SimulatedPushKind.Duplicate, Weighing = null, Reading = null, TagRead = null, SendAt = passTime };
        }
        var vehicle = Fleet[_random.Next(Fleet.Count)];
        var entering = !_inPlant.Remove(vehicle.Plate, out var trip);
        if (entering)
        {
            trip = NewTrip(_random, vehicle);
            _inPlant[vehicle.Plate] = trip;
        }
        var direction = entering ? 1 : 2;
        var gate = Profile.Gates[_random.Next(Profile.Gates.Count)];
        var push = Passage(_random, vehicle, direction, gate, passTime, string.Create(CultureInfo.InvariantCulture, $"sim-{Seed}-{++_sequence}"));
        if (trip!.Weighed) push = push with { Weighing = Weighing(vehicle, trip, direction, passTime) };
        if (entering && vehicle.Smokes && (vehicle.HighEmitter || _random.NextDouble() < Profile.OpacitySpotCheckShare))
            push = push with { Reading = OpacityReading(_random, vehicle, gate, passTime, string.Create(CultureInfo.InvariantCulture, $"om-{Seed}-{_sequence}")) };
        if (_sent.Count < 1000) _sent.Add(push); else _sent[_random.Next(_sent.Count)] = push;
        return push;
    }

    /// <summary>Whether a trip crosses the weighbridge, which way the goods go, and what they are.</summary>
    internal sealed record Trip(bool Weighed, bool Inbound, string Cargo);

    internal Trip NewTrip(Random random, SimulatedVehicle vehicle)
    {
        var inbound = random.NextDouble() < Profile.InboundShare;
        var cargo = inbound ? Profile.CargoIn[random.Next(Profile.CargoIn.Count)] : Profile.CargoOut[random.Next(Profile.CargoOut.Count)];
        return new Trip(vehicle.CarriesGoods && random.NextDouble() < Profile.WeighedShare, inbound, cargo);
    }

    /// <summary>Loaded in, empty out for deliveries; empty in, loaded out for shipments.</summary>
    internal static SimulatedWeighing Weighing(SimulatedVehicle vehicle, Trip trip, int direction, DateTimeOffset at)
    {
        var gross = (direction == 1) == trip.Inbound;
        return new SimulatedWeighing(SimulatedPlant.WeighbridgeId, vehicle.Plate, gross ? vehicle.TareKg + vehicle.PayloadKg : vehicle.TareKg,
            gross, trip.Cargo, at);
    }

    /// <summary>A valid passage of <paramref name="vehicle"/>; now and then misread by the camera.</summary>
    internal SimulatedPush Passage(Random random, SimulatedVehicle vehicle, int direction, string gate, DateTimeOffset passTime, string eventId)
    {
        var lane = SimulatedPlant.LaneFor(Profile, direction);
        var misread = random.NextDouble() < Profile.MisreadShare ? SimulatedPlates.Misread(random, vehicle.Plate) : null;
        var confidence = misread is null ? 0.88 + random.NextDouble() * 0.11 : 0.55 + random.NextDouble() * 0.2;
        var deviceId = SimulatedPlant.CameraId(gate, lane);
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            eventId,
            enterpriseId = Profile.EnterpriseId,
            gateId = gate,
            laneId = $"L{lane}",
            direction,
            passTime = ChinaTime.From(passTime).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            plateNo = misread ?? vehicle.Plate,
            plateColor = vehicle.PlateColor,
            confidence = Math.Round(confidence, 3),
            vehicleType = vehicle.VehicleType,
            deviceId,
            pictures = Array.Empty<string>(),
        });
        return new SimulatedPush(eventId, body, SimulatedPushKind.Valid)
        {
            DeviceId = deviceId, PassTime = passTime, SendAt = passTime, VehiclePlate = vehicle.Plate, Direction = direction,
            Misread = misread is not null,
            // The reader at the lane reads the tag as the truck approaches, two seconds before the camera.
            TagRead = vehicle.Epc is { } epc ? new SimulatedTagRead(SimulatedPlant.TagReaderId(gate, lane), epc, vehicle.Plate, passTime.AddSeconds(-2)) : null,
        };
    }

    /// <summary>The lane's second camera reporting <paramref name="first"/>'s passage with another plate, as its own
    /// event (own id, own device, a few milliseconds later); null when the plate has no confusable character.
    /// Valid when the read is still a plate, else Malformed (the platform refuses it as invalid_plate).</summary>
    internal SimulatedPush? SecondCamera(Random random, SimulatedPush first, SimulatedVehicle vehicle, string gate, string eventId)
    {
        var firstRead = JsonDocument.Parse(first.Body).RootElement.GetProperty("plateNo").GetString()!;
        if (SimulatedPlates.SecondCameraRead(random, vehicle.Plate, firstRead) is not { } read) return null;
        var lane = SimulatedPlant.LaneFor(Profile, first.Direction);
        var deviceId = SimulatedPlant.SecondCameraId(gate, lane);
        var at = first.PassTime.AddMilliseconds(40 + random.Next(400));
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            eventId,
            enterpriseId = Profile.EnterpriseId,
            gateId = gate,
            laneId = $"L{lane}",
            direction = first.Direction,
            passTime = ChinaTime.From(at).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            plateNo = read,
            plateColor = vehicle.PlateColor,
            confidence = Math.Round(0.55 + random.NextDouble() * 0.2, 3),
            vehicleType = vehicle.VehicleType,
            deviceId,
            pictures = Array.Empty<string>(),
        });
        var valid = PlateNumber.TryParse(read, out _, out _);
        return new SimulatedPush(valid ? eventId : "", body, valid ? SimulatedPushKind.Valid : SimulatedPushKind.Malformed)
        {
            DeviceId = deviceId, PassTime = at, SendAt = first.SendAt.AddMilliseconds(40 + random.Next(400)), VehiclePlate = vehicle.Plate,
            Direction = first.Direction, Misread = valid, SecondCamera = true,
        };
    }

    /// <summary>Standard effective optical path of a smoke opacimeter (GB 3847-2018): N = 100·(1 − e^(−k·L)).</summary>
    public const double OpacimeterPathMetres = 0.43;

    /// <summary>A smoke-opacity reading of <paramref name="vehicle"/> entering at <paramref name="gate"/>: a high
    /// emitter reads k 1.3–3.0 m⁻¹ (above the 1.2 limit), others by emission stage well below it.</summary>
    internal SimulatedPush OpacityReading(Random random, SimulatedVehicle vehicle, string gate, DateTimeOffset at, string readingId, double? measuredK = null)
    {
        var k = measuredK ?? (vehicle.HighEmitter ? 1.3 + 1.7 * random.NextDouble() : vehicle.Stage switch
        {
            EmissionStage.Guo4 or EmissionStage.Guo3 => 0.35 + 0.5 * random.NextDouble(),
            EmissionStage.Guo5 => 0.15 + 0.4 * random.NextDouble(),
            _ => 0.02 + 0.25 * random.NextDouble(),
        });
        var coefficient = Math.Round((decimal)k, 2);
        var opacity = Math.Round((decimal)(100 * (1 - Math.Exp(-(double)coefficient * OpacimeterPathMetres))), 1);
        var meter = SimulatedPlant.OpacityMeterId(gate);
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            readingId,
            plateNo = vehicle.Plate,
            plateColor = vehicle.PlateColor,
            measuredAt = ChinaTime.From(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            opacityPercent = opacity,
            absorptionCoefficient = coefficient,
            method = "free-acceleration",
        });
        return new SimulatedPush(readingId, body, SimulatedPushKind.Valid)
        {
            DeviceId = meter, PassTime = at, SendAt = at, VehiclePlate = vehicle.Plate, Direction = 1,
            Path = OpacityPath(meter), AbsorptionCoefficient = coefficient,
        };
    }

    private static readonly string[] ReadingMalformations =
    [
        "{\"readingId\": \"broken",
        "{\"readingId\":\"bad-1\",\"plateNo\":\"冀B12345\",\"measuredAt\":\"2026-01-01T08:00:00+08:00\",\"opacityPercent\":130}",
        "{\"readingId\":\"bad-2\",\"measuredAt\":\"2026-01-01T08:00:00+08:00\",\"absorptionCoefficient\":0.4}",
    ];

    /// <summary>Garbage from a gate's opacity meter: broken JSON, an opacity over 100 %, no plate.</summary>
    internal SimulatedPush ReadingGarbage(Random random, DateTimeOffset at)
    {
        var meter = SimulatedPlant.OpacityMeterId(Profile.Gates[random.Next(Profile.Gates.Count)]);
        return new SimulatedPush("", Encoding.UTF8.GetBytes(ReadingMalformations[random.Next(ReadingMalformations.Length)]), SimulatedPushKind.Malformed)
        {
            DeviceId = meter, PassTime = at, SendAt = at, Path = OpacityPath(meter),
        };
    }

    private static string OpacityPath(string meter) => Ingest.Http.EmissionEndpoints.OpacityPath.Replace("{deviceId}", meter, StringComparison.Ordinal);

    /// <summary>Garbage from one of the plant's cameras: broken JSON or invalid codes.</summary>
    internal SimulatedPush Garbage(Random random, DateTimeOffset at)
    {
        var (gate, lane) = SimulatedPlant.Lanes(Profile).ElementAt(random.Next(Profile.Gates.Count * Profile.LanesPerGate));
        return new SimulatedPush("", Encoding.UTF8.GetBytes(Malformations[random.Next(Malformations.Length)]), SimulatedPushKind.Malformed)
        {
            DeviceId = SimulatedPlant.CameraId(gate, lane), PassTime = at, SendAt = at,
        };
    }
}
