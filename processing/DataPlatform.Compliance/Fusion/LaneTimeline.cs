namespace DataPlatform.Compliance.Fusion;

/// <summary>One lane's groups ordered by their reference time, and which of them are open, so finding the groups
/// near a read and closing expired ones costs a binary search, not a walk over every group the lane remembers
/// (a busy lane remembers thousands).</summary>
internal sealed class LaneTimeline
{
    private readonly List<LaneGroup> _byReference = [];
    private readonly List<LaneGroup> _open = [];

    public int Count => _byReference.Count;

    public IEnumerable<LaneGroup> Open => _open.Where(g => !g.Closed);

    public void Add(LaneGroup group)
    {
        _byReference.Insert(UpperBound(group.Reference), group);
        if (!group.Closed) _open.Add(group);
    }

    /// <summary>Groups whose reference lies within [from, to], oldest first.</summary>
    public IEnumerable<LaneGroup> Between(DateTime from, DateTime to)
    {
        for (var i = LowerBound(from); i < _byReference.Count && _byReference[i].Reference <= to; i++)
            yield return _byReference[i];
    }

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
