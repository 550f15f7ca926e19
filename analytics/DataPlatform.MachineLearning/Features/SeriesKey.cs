namespace DataPlatform.MachineLearning.Features;

/// <summary>One forecast series: arrivals (or departures) at one gate of one plant.</summary>
/// <remarks><paramref name="Direction"/>: 1 进厂, 2 出厂.</remarks>
public sealed record SeriesKey(string EnterpriseId, string GateId, int Direction)
{
    public override string ToString() => $"{EnterpriseId}/{GateId}/{(Direction == 1 ? "进厂" : "出厂")}";
}

/// <summary>Passages per hour of one series, hour → count (hours with none are absent, read as 0), and the alert
/// level in effect at each hour seen (0 常态, 1 blue … 4 red), as observed on the gate decisions. <paramref name="Since"/>
/// is the first hour the ledger has data for (earlier hours are unknown, not empty).</summary>
public sealed record HourlySeries(SeriesKey Key, long Since, IReadOnlyDictionary<long, float> Counts, IReadOnlyDictionary<long, int> AlertLevels)
{
    public float CountAt(long hour) => Counts.TryGetValue(hour, out var c) ? c : 0f;

    /// <summary>The same series with nothing at or after <paramref name="cutoff"/>: what was known then.</summary>
    public HourlySeries Before(long cutoff) => this with
    {
        Counts = Counts.Where(kv => kv.Key < cutoff).ToDictionary(),
        AlertLevels = AlertLevels.Where(kv => kv.Key < cutoff).ToDictionary(),
    };
}
