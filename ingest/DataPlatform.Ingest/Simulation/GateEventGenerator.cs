using System.Globalization;
using System.Text;
using System.Text.Json;
using DataPlatform.Gate;

namespace DataPlatform.Ingest.Simulation;

/// <summary>
/// Generates a plant's gate traffic from a seed: the same profile and seed give the same fleet and the same
/// pushes. Two modes share the fleet: <see cref="Next"/> streams passages at whatever time the caller says (a
/// load generator: each call moves a random vehicle in or out), and <see cref="Day"/> plans a whole simulated
/// day with the profile's hourly and weekday pattern, paired weighings and outages (<see cref="DayPlanner"/>).
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
    public SimulatedTraffic Day(DateOnly day) => new DayPlanner(this, new Random(unchecked(Seed * 7919 + day.DayNumber))).Plan(day);

    /// <summary>The next push of the stream mode, captured at <paramref name="passTime"/>.</summary>
    public SimulatedPush Next(DateTimeOffset passTime)
    {
        var roll = _random.NextDouble();
        if (roll < Profile.MalformedShare)
            return Garbage(_random, passTime);
        if (roll < Profile.MalformedShare + Profile.DuplicateShare && _sent.Count > 0)
        {
            var original = _sent[_random.Next(_sent.Count)];
            return original with { Kind = SimulatedPushKind.Duplicate, Weighing = null, SendAt = passTime };
        }
        var vehicle = Fleet[_random.Next(Fleet.Count)];
        var entering = !_inPlant.Remove(vehicle.Plate, out var trip);
        if (entering)
        {
            trip = NewTrip(_random, vehicle);
            _inPlant[vehicle.Plate] = trip;
        }
        var direction = entering ? 1 : 2;
        var push = Passage(_random, vehicle, direction, Profile.Gates[_random.Next(Profile.Gates.Count)], passTime,
            string.Create(CultureInfo.InvariantCulture, $"sim-{Seed}-{++_sequence}"));
        if (trip!.Weighed) push = push with { Weighing = Weighing(vehicle, trip, direction, passTime) };
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
        };
    }

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
