using System.Globalization;
using System.Text.Json;

namespace DataPlatform.Ingest.Simulation;

/// <summary>
/// Generates gate pushes for a profile from a seed: the same seed and start time give the same pushes, so a
/// failing run can be replayed. Pure apart from the random stream it owns.
/// </summary>
public sealed class GateEventGenerator(SimulationProfile profile, int seed)
{
    private const string Provinces = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新";
    private const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private static readonly string[] HeavyTypes = ["H11", "H12", "H14", "H17", "Q11"];
    private static readonly string[] OtherTypes = ["H21", "H31", "K11", "K33"];
    private static readonly string[] Malformations =
    [
        "{\"eventId\": \"broken",
        "{\"eventId\":\"x-1\",\"enterpriseId\":\"E1\",\"gateId\":\"G01\",\"laneId\":\"L1\",\"direction\":1,\"passTime\":\"2026-01-01T08:00:00+08:00\",\"plateNo\":\"京I12345\",\"plateColor\":\"blue\"}",
        "{\"eventId\":\"x-2\",\"enterpriseId\":\"E1\",\"gateId\":\"G01\",\"laneId\":\"L1\",\"direction\":3,\"passTime\":\"2026-01-01T08:00:00+08:00\",\"plateNo\":\"京A12345\",\"plateColor\":\"blue\"}",
        "{\"eventId\":\"x-3\",\"enterpriseId\":\"E1\",\"gateId\":\"G01\",\"laneId\":\"L1\",\"direction\":1,\"passTime\":\"2026-01-01T08:00:00+08:00\",\"plateNo\":\"京A12345\",\"plateColor\":\"purple\"}",
    ];

    private readonly Random _random = new(seed);
    private readonly List<SimulatedPush> _sent = [];
    private long _sequence;

    public SimulatedPush Next(DateTimeOffset passTime)
    {
        var roll = _random.NextDouble();
        if (roll < profile.MalformedShare)
            return new SimulatedPush("", System.Text.Encoding.UTF8.GetBytes(Malformations[_random.Next(Malformations.Length)]), SimulatedPushKind.Malformed);
        if (roll < profile.MalformedShare + profile.DuplicateShare && _sent.Count > 0)
        {
            var original = _sent[_random.Next(_sent.Count)];
            return original with { Kind = SimulatedPushKind.Duplicate };
        }
        var push = Valid(passTime);
        if (_sent.Count < 1000) _sent.Add(push); else _sent[_random.Next(_sent.Count)] = push;
        return push;
    }

    private SimulatedPush Valid(DateTimeOffset passTime)
    {
        var gate = profile.Gates[_random.Next(profile.Gates.Count)];
        var lane = $"L{_random.Next(profile.LanesPerGate) + 1}";
        var nev = _random.NextDouble() < profile.NevShare;
        var heavy = _random.NextDouble() < 0.8;
        var eventId = string.Create(CultureInfo.InvariantCulture, $"sim-{seed}-{++_sequence}");
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            eventId,
            enterpriseId = profile.EnterpriseId,
            gateId = gate,
            laneId = lane,
            direction = _random.Next(2) + 1,
            passTime = passTime.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            plateNo = nev ? NevPlate() : Plate(),
            plateColor = nev ? "yellowgreen" : heavy ? "yellow" : "blue",
            confidence = Math.Round(0.80 + _random.NextDouble() * 0.2, 3),
            vehicleType = heavy ? HeavyTypes[_random.Next(HeavyTypes.Length)] : OtherTypes[_random.Next(OtherTypes.Length)],
            deviceId = $"cam-{gate}-{lane}",
            pictures = Array.Empty<string>(),
        });
        return new SimulatedPush(eventId, body, SimulatedPushKind.Valid);
    }

    private string Plate() => $"{Pick(Provinces)}{Pick(Letters)}{Pick(Digits + Letters)}{Pick(Digits)}{Pick(Digits)}{Pick(Digits)}{Pick(Digits)}";

    // Large NEV plates: five digits then D (pure electric) or F (hybrid) at the end.
    private string NevPlate() => $"{Pick(Provinces)}{Pick(Letters)}{Pick(Digits)}{Pick(Digits)}{Pick(Digits)}{Pick(Digits)}{Pick(Digits)}{Pick("DF")}";

    private char Pick(string chars) => chars[_random.Next(chars.Length)];
}
