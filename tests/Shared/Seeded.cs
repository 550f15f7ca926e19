namespace DataPlatform.Tests.Shared;

/// <summary>Orders driven by a generated seed, so a failing property replays with the same order. Linked into the
/// property-test projects that shuffle their input (compliance, regulator bridge).</summary>
internal static class Seeded
{
    /// <summary>A deterministic shuffle of <paramref name="items"/> (Fisher–Yates with <paramref name="seed"/>).</summary>
    public static List<T> Shuffle<T>(IEnumerable<T> items, int seed)
    {
        var list = items.ToList();
        var random = new Random(seed);
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
