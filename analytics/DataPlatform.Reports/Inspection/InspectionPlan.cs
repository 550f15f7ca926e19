namespace DataPlatform.Reports.Inspection;

/// <summary>A window of gate video an inspector plays back: every passage of the gate in it must be in the video.</summary>
public sealed record VideoWindow(DateOnly Day, string GateId, TimeOnly Start, int Minutes)
{
    public DateTime From => Day.ToDateTime(Start);

    public DateTime To => From.AddMinutes(Minutes);
}

/// <summary>What an inspection samples (spec §4): 5–10 records for completeness and format, 5–10 entries to
/// re-check their stage, 3–5 random normal days against every alert day, and 2–3 video windows of 5–10 minutes.
/// Pure and drawn from the seed alone: the same seed and ledger give the same plan.</summary>
public sealed record InspectionPlan(int Seed, int RecordSamples, int StageSamples, IReadOnlyList<DateOnly> NormalDays,
    IReadOnlyList<DateOnly> AlertDays, IReadOnlyList<VideoWindow> Windows)
{
    /// <remarks>
    /// <para><paramref name="trafficDays"/>: Days of the period with passages.</para>
    /// <para><paramref name="alertDays"/>: Days under a heavy-pollution alert; all of them are inspected.</para>
    /// <para><paramref name="gates"/>: The enterprise's gates.</para>
    /// </remarks>
    public static InspectionPlan Create(int seed, IEnumerable<DateOnly> trafficDays, IEnumerable<DateOnly> alertDays, IEnumerable<string> gates)
    {
        var random = new Random(seed);
        var traffic = trafficDays.Distinct().Order().ToList();
        var alerts = alertDays.Distinct().Order().ToList();
        var gateList = gates.Distinct().Order(StringComparer.Ordinal).ToList();
        var records = random.Next(5, 11);
        var stages = random.Next(5, 11);
        var normalCandidates = traffic.Except(alerts).ToList();
        var normal = Shuffle(normalCandidates, random).Take(random.Next(3, 6)).Order().ToList();
        var windows = new List<VideoWindow>();
        var windowCount = random.Next(2, 4);
        if (traffic.Count > 0 && gateList.Count > 0)
            for (var i = 0; i < windowCount; i++)
            {
                var day = traffic[random.Next(traffic.Count)];
                var gate = gateList[random.Next(gateList.Count)];
                var start = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(random.Next(6 * 60, 22 * 60 - 10)));
                windows.Add(new VideoWindow(day, gate, start, random.Next(5, 11)));
            }
        return new InspectionPlan(seed, records, stages, normal, alerts, windows);
    }

    private static List<T> Shuffle<T>(List<T> items, Random random)
    {
        var copy = items.ToList();
        for (var i = copy.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy;
    }
}
