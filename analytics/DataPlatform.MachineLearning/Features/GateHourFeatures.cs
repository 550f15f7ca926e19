using Microsoft.ML.Data;

namespace DataPlatform.MachineLearning.Features;

/// <summary>One gate-hour's traffic shape, the night-burst model's input: how much, how new, how refused, against
/// what that gate usually sees at that hour.</summary>
public sealed class GateHourFeatures
{
    public const int Size = 5;

    public static readonly string[] Names = ["log(1+arrivals)", "arrivals/usual", "new-plate share", "denied share", "unregistered share"];

    [VectorType(Size)]
    public float[] Features { get; set; } = new float[Size];

    [NoColumn] public string EnterpriseId { get; set; } = "";
    [NoColumn] public string GateId { get; set; } = "";
    [NoColumn] public long Hour { get; set; }
    [NoColumn] public int Arrivals { get; set; }
    [NoColumn] public float Usual { get; set; }
    /// <summary>The same gate and hour of day on the earlier days that <see cref="Usual"/> averages (median and MAD).</summary>
    [NoColumn] public SeasonalBaseline Baseline { get; set; } = new(0, 0, 0);
    [NoColumn] public IReadOnlyList<Guid> PassageIds { get; set; } = [];
}

/// <summary>A passage reduced to what the gate-hour features count.</summary>
/// <remarks><paramref name="Outcome"/>: allow | deny | manual (manual = the register did not know the
/// vehicle).</remarks>
public sealed record GatePassage(Guid PassageId, string EnterpriseId, string GateId, int Direction, DateTimeOffset PassTime, string Plate, string Outcome);

/// <summary>Builds per gate-hour features of arrivals. "Usual" is the mean of the same gate and hour of day over the
/// (up to) 28 days before the hour's day that lie inside the data read (and its median and MAD, <see cref="SeasonalBaseline"/>); "new" plates are those not seen arriving at any gate from 28 days to 1 day before the hour. Pure; reads nothing
/// at or after the hour's end.</summary>
public static class GateHourFeatureBuilder
{
    /// <summary>Night: 22:00–05:59 China time, when a plant's gates are quiet and a burst is worth a look.</summary>
    public static bool IsNight(long hour) => ChinaHours.HourOfDay(hour) is >= 22 or < 6;

    public static IReadOnlyList<GateHourFeatures> Build(IEnumerable<GatePassage> passages, long fromHour, long toHour)
    {
        var arrivals = passages.Where(p => p.Direction == 1).ToList();
        var byGateHour = arrivals.GroupBy(p => (p.EnterpriseId, p.GateId, Hour: ChinaHours.Of(p.PassTime)))
            .ToDictionary(g => g.Key, g => g.ToList());
        var firstSeen = arrivals.GroupBy(p => p.Plate, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => ChinaHours.Of(p.PassTime)).Order().ToList(), StringComparer.Ordinal);
        var gates = arrivals.Select(p => (p.EnterpriseId, p.GateId)).Distinct().OrderBy(g => g.EnterpriseId).ThenBy(g => g.GateId).ToList();
        var result = new List<GateHourFeatures>();
        foreach (var (enterprise, gate) in gates)
            for (var hour = fromHour; hour < toHour; hour++)
            {
                var here = byGateHour.GetValueOrDefault((enterprise, gate, hour)) ?? [];
                // Only days inside [fromHour, …) count: a day before the data read is unknown, not a day without traffic.
                var earlier = Enumerable.Range(1, 28).Select(d => hour - 24L * d).TakeWhile(h => h >= fromHour)
                    .Select(h => byGateHour.GetValueOrDefault((enterprise, gate, h))?.Count ?? 0).ToArray();
                var usual = earlier.Length == 0 ? 0f : (float)earlier.Average();
                var count = here.Count;
                float Share(Func<GatePassage, bool> what) => count == 0 ? 0 : (float)here.Count(what) / count;
                result.Add(new GateHourFeatures
                {
                    EnterpriseId = enterprise, GateId = gate, Hour = hour, Arrivals = count, Usual = usual, Baseline = SeasonalBaseline.Of(earlier),
                    PassageIds = [.. here.Select(p => p.PassageId)],
                    Features =
                    [
                        MathF.Log(1 + count),
                        count / (usual + 1),
                        Share(p => !SeenBefore(firstSeen, p.Plate, hour)),
                        Share(p => p.Outcome == "deny"),
                        Share(p => p.Outcome == "manual"),
                    ],
                });
            }
        return result;
    }

    private static bool SeenBefore(Dictionary<string, List<long>> seen, string plate, long hour) =>
        seen.TryGetValue(plate, out var hours) && hours.Any(h => h < hour - 24 && h >= hour - 24 * 28);
}
