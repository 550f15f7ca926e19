using System.Globalization;
using System.Text.Json;
using DataPlatform.Gate;

namespace DataPlatform.Simulation;

/// <summary>One in-plant vehicle (厂内运输车辆) or non-road machine (非道路移动机械) of a simulated plant.</summary>
/// <remarks><paramref name="Registered"/>: Whether the guard booth registers it at the start of the day; the others are
/// the unregistered machines the platform must notice.</remarks>
public sealed record SimulatedMachine(
    string RegistrationCode,
    bool NonRoad,
    bool Registered,
    string Plate,
    EmissionStage Stage,
    FuelType Fuel,
    NonRoadMachineryKind? Kind,
    string Owner)
{
    /// <summary>The guard booth's registration JSON (in-plant or non-road fields, spec §1.2/§1.3).</summary>
    public byte[] RegistrationBody() => NonRoad
        ? JsonSerializer.SerializeToUtf8Bytes(new
        {
            registrationCode = RegistrationCode, pin = "PIN" + RegistrationCode, machineryKind = Kind!.Value.Code,
            stage = Stage.InternalCode, fuel = Fuel.Code, owner = Owner, plateNo = Plate, plateColor = "yellow",
        })
        : JsonSerializer.SerializeToUtf8Bytes(new
        {
            registrationCode = RegistrationCode, plateNo = Plate, plateColor = "yellow", vehicleType = "H11",
            stage = Stage.InternalCode, fuel = Fuel.Code, owner = Owner,
        });
}

/// <summary>A simulated day of in-plant vehicles and machinery: who the guard booth registers in the morning, and
/// their pushes — machines entering and leaving through the plant gate, and sightings by the work-area camera
/// (posted to the work-area endpoint, so they never become passages).</summary>
public sealed record SimulatedMachineryDay(IReadOnlyList<SimulatedMachine> Roster, SimulatedTraffic Traffic)
{
    private IEnumerable<(SimulatedPush Push, SimulatedMachine Machine)> Seen =>
        Traffic.Pushes.Select(p => (p, Roster.Single(m => m.Plate == p.VehiclePlate)));

    public int RegisteredInPlant => Roster.Count(m => m.Registered && !m.NonRoad);

    public int RegisteredNonRoad => Roster.Count(m => m.Registered && m.NonRoad);

    /// <summary>Rows <c>in_plant_movements</c> must get.</summary>
    public int InPlantMovements => Seen.Count(s => s.Machine is { Registered: true, NonRoad: false });

    /// <summary>Rows <c>non_road_sightings</c> must get for registered machines (entries, exits, work area).</summary>
    public int RegisteredMachineSightings => Seen.Count(s => s.Machine is { Registered: true, NonRoad: true });

    /// <summary>Work-area sightings of machines nobody registered (each raises the alarm, de-duplicated per hour).</summary>
    public int UnregisteredSightings => Seen.Count(s => !s.Machine.Registered && s.Push.DeviceId == PlantMachinery.WorkAreaCameraId);

    public int UnregisteredMachines => Roster.Count(m => !m.Registered);

    /// <summary>Pushes through a plant gate: these, and only these, become passages.</summary>
    public int GatePassages => Traffic.Pushes.Count(p => p.DeviceId != PlantMachinery.WorkAreaCameraId);
}

/// <summary>
/// The in-plant vehicles and non-road machinery of a simulated plant (seeded, reproducible): a few of each,
/// two of them never registered. <see cref="Plan"/> gives the day's pushes; the guard booth registrations go
/// through the real guard-booth API (<see cref="GuardBoothClient"/>); <see cref="Settings"/> registers the
/// work-area camera, a guard operator and the work area for processing.
/// </summary>
public static class PlantMachinery
{
    public const string WorkAreaGate = "WA01";
    public const string WorkAreaCameraId = "cam-WA01-L1";
    public const string OperatorId = "sim-guard";

    public static IReadOnlyList<SimulatedMachine> Roster(SimulationProfile profile, int seed)
    {
        var random = new Random(unchecked(seed * 31 + 17));
        var fleet = new GateEventGenerator(profile, seed).Fleet.Select(v => v.Plate).ToHashSet(StringComparer.Ordinal);
        var province = new GateEventGenerator(profile, seed).Fleet.FirstOrDefault()?.Plate[..2] ?? "冀B";
        var roster = new List<SimulatedMachine>();
        var kinds = new[] { NonRoadMachineryKind.Loader, NonRoadMachineryKind.Excavator, NonRoadMachineryKind.Forklift, NonRoadMachineryKind.Crane };
        var stages = new[] { EmissionStage.Guo2, EmissionStage.Guo3, EmissionStage.Guo3, EmissionStage.Guo4, EmissionStage.Electric };
        for (var i = 0; roster.Count < 10; i++)
        {
            var nonRoad = roster.Count >= 4;
            var plate = $"{province}{(nonRoad ? 'J' : 'N')}{random.Next(10_000):D4}";
            if (fleet.Contains(plate) || roster.Any(m => m.Plate == plate)) continue;
            var stage = nonRoad ? stages[random.Next(stages.Length)] : random.NextDouble() < 0.5 ? EmissionStage.Guo5 : EmissionStage.Guo6;
            var fuel = stage == EmissionStage.Electric ? FuelType.Electric : FuelType.Diesel;
            roster.Add(new SimulatedMachine(
                string.Create(CultureInfo.InvariantCulture, $"{(nonRoad ? "NR" : "CN")}-{profile.Name}-{roster.Count + 1:D2}").ToUpperInvariant(),
                nonRoad, Registered: roster.Count is not (3 or 9), plate, stage, fuel,
                nonRoad ? kinds[random.Next(kinds.Length)] : null, nonRoad ? "某工程机械租赁公司" : "本厂运输车间"));
        }
        return roster;
    }

    /// <summary>The day's pushes (China time): each machine enters through the first plant gate in the morning
    /// and leaves in the evening; between, the work-area camera sees every vehicle and machine a few times.</summary>
    public static SimulatedMachineryDay Plan(SimulationProfile profile, int seed, DateOnly day)
    {
        var roster = Roster(profile, seed);
        var random = new Random(unchecked(seed * 131 + day.DayNumber));
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        var pushes = new List<SimulatedPush>();
        var gate = profile.Gates[0];
        foreach (var machine in roster)
        {
            if (machine.NonRoad)
            {
                pushes.Add(Push(profile, seed, day, pushes.Count, machine, gate, 1, start.AddHours(7).AddMinutes(random.Next(60))));
                pushes.Add(Push(profile, seed, day, pushes.Count, machine, gate, 2, start.AddHours(18).AddMinutes(random.Next(60))));
            }
            var sightings = 2 + random.Next(3);
            for (var s = 0; s < sightings; s++)
                pushes.Add(Push(profile, seed, day, pushes.Count, machine, WorkAreaGate, 1, start.AddHours(8 + s * 2).AddMinutes(random.Next(90))));
        }
        var ordered = pushes.OrderBy(p => p.PassTime).ToList();
        return new SimulatedMachineryDay(roster, new SimulatedTraffic(day, [], ordered, [], []));
    }

    /// <summary>Configuration for a platform that accepts the machinery traffic: the work area (see
    /// <see cref="WorkAreaSettings"/>) and a guard operator.</summary>
    public static Dictionary<string, string?> Settings(SimulationProfile profile, string token, int deviceIndex)
    {
        var settings = WorkAreaSettings(profile, token, deviceIndex);
        settings["Ingest:GuardBooth:Operators:0:OperatorId"] = OperatorId;
        settings["Ingest:GuardBooth:Operators:0:EnterpriseId"] = profile.EnterpriseId;
        settings["Ingest:GuardBooth:Operators:0:Token"] = token;
        return settings;
    }

    /// <summary>The work area of a platform: its camera (as device <paramref name="deviceIndex"/> of
    /// <c>Ingest:Devices</c>, after the plant's gate devices) and the gate processing treats as a work area.</summary>
    public static Dictionary<string, string?> WorkAreaSettings(SimulationProfile profile, string token, int deviceIndex) => new()
    {
        [$"Ingest:Devices:{deviceIndex}:DeviceId"] = WorkAreaCameraId,
        [$"Ingest:Devices:{deviceIndex}:Kind"] = "generic",
        [$"Ingest:Devices:{deviceIndex}:EnterpriseId"] = profile.EnterpriseId,
        [$"Ingest:Devices:{deviceIndex}:GateId"] = WorkAreaGate,
        [$"Ingest:Devices:{deviceIndex}:LaneId"] = "L1",
        [$"Ingest:Devices:{deviceIndex}:Token"] = token,
        ["Processing:Registers:WorkAreaGates:0"] = WorkAreaGate,
    };

    private static SimulatedPush Push(SimulationProfile profile, int seed, DateOnly day, int n, SimulatedMachine machine, string gate, int direction, DateTimeOffset at)
    {
        var workArea = gate == WorkAreaGate;
        var lane = workArea ? 1 : SimulatedPlant.LaneFor(profile, direction);
        var deviceId = workArea ? WorkAreaCameraId : SimulatedPlant.CameraId(gate, lane);
        // The seed is part of the id: another run's roster (another seed) on the same day is other machines, not a resend.
        var eventId = string.Create(CultureInfo.InvariantCulture, $"mach-{seed:x8}-{day:yyyyMMdd}-{n:D4}");
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            eventId,
            enterpriseId = profile.EnterpriseId,
            gateId = gate,
            laneId = $"L{lane}",
            direction,
            passTime = ChinaTime.From(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            plateNo = machine.Plate,
            plateColor = "yellow",
            confidence = 0.95,
            deviceId,
            pictures = Array.Empty<string>(),
        });
        return new SimulatedPush(eventId, body, SimulatedPushKind.Valid)
        {
            DeviceId = deviceId, PassTime = at, SendAt = at, VehiclePlate = machine.Plate, Direction = direction,
            Path = workArea ? Ingest.GuardBooth.WorkAreaSightingEndpoint.Path : Ingest.Http.GateEventEndpoint.Path,
        };
    }
}
