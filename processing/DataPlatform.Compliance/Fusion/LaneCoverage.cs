namespace DataPlatform.Compliance.Fusion;

/// <summary>
/// For the lanes of the partitions a ledger writer owns: the span of pass times over which its memory holds the lane's
/// fusion state exactly as the ledger has it — loaded once from the ledger, then kept by the writer itself, the only
/// one writing that lane while it owns the partition. A read whose fusion window lies inside the span needs no
/// ledger read; any other read makes the writer load the lane from the ledger again. Pure bookkeeping: it only ever
/// claims less than was loaded (a load truncated by its row limit ends the span at its last row, memory forgetting
/// old groups moves the span's start up, a partition leaving the writer drops its lanes).
/// </summary>
public sealed class LaneCoverage
{
    private readonly Dictionary<string, Span> _lanes = new(StringComparer.Ordinal);

    /// <summary>Lanes with a span.</summary>
    public IReadOnlyCollection<string> Lanes => _lanes.Keys;

    /// <summary>True when every pass time within <paramref name="window"/> of <paramref name="passTime"/> at
    /// <paramref name="lane"/> is held in memory.</summary>
    public bool Covers(string lane, DateTime passTime, TimeSpan window) =>
        _lanes.TryGetValue(lane, out var span) && passTime - span.From >= window && span.To - passTime >= window;

    /// <summary>The ledger's state of <paramref name="lane"/> from <paramref name="from"/> to <paramref name="to"/> was
    /// loaded (<paramref name="to"/>: <see cref="DateTime.MaxValue"/> when the load was not truncated). Joins the lane's
    /// span when the two overlap, else replaces it.</summary>
    /// <remarks><paramref name="partition"/>: The partition the lane's reads come from, dropped with it.</remarks>
    public void Loaded(string lane, int partition, DateTime from, DateTime to)
    {
        if (from > to) return;
        _lanes[lane] = _lanes.TryGetValue(lane, out var span) && span.Partition == partition && from <= span.To && span.From <= to
            ? new Span(partition, Min(from, span.From), Max(to, span.To))
            : new Span(partition, from, to);
    }

    /// <summary>Memory no longer holds <paramref name="lane"/>'s state before <paramref name="before"/>.</summary>
    public void Forgotten(string lane, DateTime before)
    {
        if (!_lanes.TryGetValue(lane, out var span) || span.From >= before) return;
        if (before > span.To) _lanes.Remove(lane);
        else _lanes[lane] = span with { From = before };
    }

    /// <summary>The partitions left this writer: another one may write their lanes from now on.</summary>
    public void Drop(IEnumerable<int> partitions)
    {
        var dropped = partitions.ToHashSet();
        foreach (var lane in _lanes.Where(l => dropped.Contains(l.Value.Partition)).Select(l => l.Key).ToList()) _lanes.Remove(lane);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private readonly record struct Span(int Partition, DateTime From, DateTime To);
}
