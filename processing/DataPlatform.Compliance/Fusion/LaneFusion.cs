namespace DataPlatform.Compliance.Fusion;

/// <summary>
/// Lane read fusion, as a fold over one lane's reads in stream order (pure; the ledger writer and the gate decision
/// service run the same fold, so both see the same passages). A read joins a known group of its lane and direction
/// when its pass time is within the window of the group's survivor and its device has not read that group yet (a
/// device sees one truck once per passage: two reads by one camera are two passages); the nearest such group wins
/// (ties: the smaller survivor event id). A camera read that joins nothing starts a group and closes the lane's
/// other open groups. An e-tag read (no direction) joins the nearest group of its lane in either direction, or is
/// unmatched. A re-pushed event id is a duplicate. Every read is accounted for by exactly one step.
/// </summary>
public sealed class LaneFusion(TimeSpan window)
{
    private readonly Dictionary<string, List<LaneGroup>> _groups = new(StringComparer.Ordinal);
    // Event id → the group it belongs to (null: an unmatched e-tag read).
    private readonly Dictionary<string, LaneGroup?> _seen = new(StringComparer.Ordinal);

    public TimeSpan Window { get; } = window;

    /// <summary>The earliest camera read by (pass time, event id).</summary>
    public static LaneRead Survivor(IEnumerable<LaneRead> reads) =>
        reads.Where(r => !r.IsETag).OrderBy(r => r.PassTime).ThenBy(r => r.EventId, StringComparer.Ordinal).First();

    /// <summary>Knows a stored group (state reloaded after a restart): its reads are duplicates from now on.</summary>
    public void Load(LaneGroup stored)
    {
        stored.Close();
        foreach (var r in stored.Reads) _seen[r.EventId] = stored;
        GroupsOf(stored.LaneKey).Add(stored);
    }

    /// <summary>True when the event id was offered or loaded before.</summary>
    public bool Knows(string eventId) => _seen.ContainsKey(eventId);

    public FusionStep Offer(LaneRead read)
    {
        if (_seen.TryGetValue(read.EventId, out var known)) return new FusionStep(FusionStepKind.Duplicate, known, []);
        var groups = GroupsOf(read.LaneKey);
        // The lane's clock passed these windows: no later read can join them, so they can be written.
        var expired = groups.Where(g => !g.Closed && g.Reference + Window < read.PassTime).ToList();
        foreach (var g in expired) g.Close();
        var target = groups
            .Where(g => (read.Direction is null || g.Direction == read.Direction) && !g.Devices.Contains(read.DeviceId)
                        && (read.PassTime - g.Reference).Duration() <= Window)
            .OrderBy(g => (read.PassTime - g.Reference).Duration()).ThenBy(g => g.Survivor.EventId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (target is not null)
        {
            var late = target.Closed;
            target.Add(read);
            _seen[read.EventId] = target;
            return new FusionStep(late ? FusionStepKind.JoinedLate : FusionStepKind.Joined, target, expired);
        }
        if (read.IsETag || read.Direction is not { } direction)
        {
            _seen[read.EventId] = null;
            return new FusionStep(FusionStepKind.Unmatched, null, expired);
        }
        var closed = CloseLane(read.LaneKey, direction);
        var group = new LaneGroup(read.LaneKey, direction, [read]);
        groups.Add(group);
        _seen[read.EventId] = group;
        return new FusionStep(FusionStepKind.Started, group, [.. expired, .. closed]);
    }

    /// <summary>Open groups, oldest first.</summary>
    public IEnumerable<LaneGroup> Open => _groups.Values.SelectMany(g => g).Where(g => !g.Closed);

    /// <summary>Closes the given open group (the window ran out without another read at its lane).</summary>
    public static void Close(LaneGroup group) => group.Close();

    /// <summary>Forgets closed groups whose window ended before <paramref name="before"/> (bounded memory); their
    /// reads stay known as duplicates only while they are loaded again from the ledger.</summary>
    public void Forget(DateTime before)
    {
        foreach (var list in _groups.Values)
        {
            foreach (var g in list.Where(g => g.Closed && g.Reference + Window < before))
                foreach (var r in g.Reads) _seen.Remove(r.EventId);
            list.RemoveAll(g => g.Closed && g.Reference + Window < before);
        }
    }

    private List<LaneGroup> GroupsOf(string laneKey)
    {
        if (!_groups.TryGetValue(laneKey, out var list)) _groups[laneKey] = list = [];
        return list;
    }

    private List<LaneGroup> CloseLane(string laneKey, byte direction)
    {
        var closed = GroupsOf(laneKey).Where(g => !g.Closed && g.Direction == direction).ToList();
        foreach (var g in closed) g.Close();
        return closed;
    }
}

public enum FusionStepKind
{
    /// <summary>The event id was seen before (a re-push or a redelivery).</summary>
    Duplicate,
    /// <summary>The read starts a new passage.</summary>
    Started,
    /// <summary>The read corroborates an open passage (not yet written).</summary>
    Joined,
    /// <summary>The read corroborates a passage already written: kept, but it cannot change the sealed row.</summary>
    JoinedLate,
    /// <summary>An e-tag read with no camera passage near it at its lane.</summary>
    Unmatched,
}

/// <param name="Group">The group the read started or joined.</param>
/// <param name="Closed">Open groups of the lane the new read closed (they can be written now).</param>
public sealed record FusionStep(FusionStepKind Kind, LaneGroup? Group, IReadOnlyList<LaneGroup> Closed);
