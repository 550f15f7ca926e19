namespace DataPlatform.Compliance.Fusion;

/// <summary>One lane's groups ordered by their reference time, and which of them are open, so finding the groups
/// near a read and closing expired ones costs a binary search, not a walk over every group the lane remembers
/// (a busy lane remembers thousands).</summary>
internal sealed class LaneTimeline
{
    private readonly List<LaneGroup> _byReference = [];
    private readonly List<LaneGroup> _open = [];

    /// <summary>The newest pass time offered at the lane: the lane's own clock (partitions are read at different
    /// paces, so one lane's time says nothing about another's).</summary>
    public DateTime Clock { get; private set; } = DateTime.MinValue;

    /// <summary>Unmatched e-tag reads, known as duplicates until forgotten like closed groups.</summary>
    public Queue<LaneRead> Unmatched { get; } = new();

    public void Advance(DateTime passTime)
    {
        if (passTime > Clock) Clock = passTime;
    }

    public int Count => _byReference.Count;

    public IEnumerable<LaneGroup> Open => _open.Where(g => !g.Closed);

    public void Add(LaneGroup group)
    {
        _byReference.Insert(UpperBound(group.Reference), group);
        if (!group.Closed) _open.Add(group);
    }

    /// <summary>Groups whose reference lies within <paramref name="window"/> of <paramref name="time"/>, oldest first; at
    /// most the <see cref="MaxNear"/> nearest to it.</summary>
    public IEnumerable<LaneGroup> Near(DateTime time, TimeSpan window)
    {
        var (from, to) = (LowerBound(time - window), UpperBound(time + window));
        if (to - from > MaxNear)
        {
            // A real lane passes a truck every few seconds at most; only synthetic load (every read in one second)
            // puts more groups in a window, where scanning them all for every read would dominate.
            var at = LowerBound(time);
            from = Math.Clamp(at - MaxNear / 2, from, to - MaxNear);
            to = from + MaxNear;
        }
        for (var i = from; i < to; i++) yield return _byReference[i];
    }

    /// <summary>How many groups near a read are considered at most.</summary>
    public const int MaxNear = 32;

    /// <summary>A group's reference moved (an earlier read joined it): keeps the order.</summary>
    public void Moved(LaneGroup group, DateTime oldReference)
    {
        for (var i = LowerBound(oldReference); i < _byReference.Count; i++)
        {
            if (!ReferenceEquals(_byReference[i], group)) continue;
            _byReference.RemoveAt(i);
            _byReference.Insert(UpperBound(group.Reference), group);
            return;
        }
    }

    /// <summary>Closes and returns the open groups <paramref name="close"/> picks.</summary>
    public List<LaneGroup> Close(Func<LaneGroup, bool> close)
    {
        _open.RemoveAll(g => g.Closed);
        var closed = _open.Where(close).ToList();
        foreach (var g in closed)
        {
            g.Close();
            _open.Remove(g);
        }
        return closed;
    }

    /// <summary>Removes closed groups whose reference is before <paramref name="before"/>; returns them.</summary>
    public List<LaneGroup> Forget(DateTime before)
    {
        var forgotten = new List<LaneGroup>();
        for (var i = 0; i < _byReference.Count && _byReference[i].Reference < before;)
        {
            if (_byReference[i].Closed)
            {
                forgotten.Add(_byReference[i]);
                _byReference.RemoveAt(i);
            }
            else i++;
        }
        return forgotten;
    }

    private int LowerBound(DateTime time)
    {
        int lo = 0, hi = _byReference.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_byReference[mid].Reference < time) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private int UpperBound(DateTime time)
    {
        int lo = 0, hi = _byReference.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_byReference[mid].Reference <= time) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
