namespace DataPlatform.Compliance.Fusion;

/// <summary>
/// Lane read fusion, as a fold over one lane's reads in stream order (pure; the ledger writer and the gate decision
/// service run the same fold, so both see the same passages). A read joins a known group of its lane and direction
/// when its pass time is within the window of the group's survivor and its device has not read that group yet (a
/// device sees one truck once per passage: two reads by one camera are two passages); the nearest such group wins
/// (ties: the smaller survivor event id). A camera read that joins nothing starts a group and closes the lane's
/// other open groups. An e-tag read (no direction) joins the nearest group of its lane in either direction; with none
/// near it waits (a reader usually reads the tag before the truck reaches the camera) and joins the first camera
/// group of its lane that starts within its window, or becomes unmatched once a camera read of its lane is past the
/// window (<see cref="FusionStep.Unmatched"/>) or <see cref="ExpireTags"/> gives it up. A re-pushed event id is a duplicate.
/// Every read is accounted for exactly once: in a group, or unmatched.
/// </summary>
public sealed class LaneFusion(TimeSpan window)
{
    private readonly Dictionary<string, LaneTimeline> _groups = new(StringComparer.Ordinal);
    // Event id → the group it belongs to (null: an unmatched e-tag read).
    private readonly Dictionary<string, LaneGroup?> _seen = new(StringComparer.Ordinal);
    // E-tag reads waiting for a camera group of their lane, oldest first.
    private readonly Dictionary<string, List<LaneRead>> _waiting = new(StringComparer.Ordinal);

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
        groups.Advance(read.PassTime);
        // The lane's clock passed these windows: no later read can join them, so they can be written.
        var expired = groups.Close(g => g.Reference + Window < read.PassTime);
        // Only a camera read gives waiting tags up: tag reads come over the readers' own lines and may overtake the camera
        // event of the truck before them, so the next truck's tag says nothing about whether this truck's camera read is
        // still on its way.
        var unmatched = read.IsETag ? [] : TakeWaiting(read.LaneKey, t => t.PassTime + Window < read.PassTime);
        var target = groups.Near(read.PassTime, Window)
            .Where(g => (read.Direction is null || g.Direction == read.Direction) && !g.Devices.Contains(read.DeviceId))
            .OrderBy(g => (read.PassTime - g.Reference).Duration()).ThenBy(g => g.Survivor.EventId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (target is not null)
        {
            var late = target.Closed;
            var reference = target.Reference;
            target.Add(read);
            if (target.Reference != reference) groups.Moved(target, reference);
            _seen[read.EventId] = target;
            if (!late) Absorb(target);
            return new FusionStep(late ? FusionStepKind.JoinedLate : FusionStepKind.Joined, target, expired) { Unmatched = unmatched };
        }
        if (read.IsETag || read.Direction is not { } direction)
        {
            _seen[read.EventId] = null;
            if (!_waiting.TryGetValue(read.LaneKey, out var waiting)) _waiting[read.LaneKey] = waiting = [];
            waiting.Add(read);
            return new FusionStep(FusionStepKind.Waiting, null, expired) { Unmatched = unmatched };
        }
        var closed = CloseLane(read.LaneKey, direction);
        var group = new LaneGroup(read.LaneKey, direction, [read]);
        groups.Add(group);
        _seen[read.EventId] = group;
        Absorb(group);
        return new FusionStep(FusionStepKind.Started, group, [.. expired, .. closed]) { Unmatched = unmatched };
    }

    /// <summary>Gives up the waiting e-tag reads <paramref name="expire"/> picks (the lane stayed quiet): unmatched.</summary>
    public IReadOnlyList<LaneRead> ExpireTags(Func<LaneRead, bool> expire) =>
        [.. _waiting.Keys.ToList().SelectMany(lane => TakeWaiting(lane, expire))];

    /// <summary>E-tag reads waiting for a camera group.</summary>
    public IEnumerable<LaneRead> WaitingTags => _waiting.Values.SelectMany(w => w);

    // A group takes the waiting e-tag reads of its lane within its window, nearest first, one per device.
    private void Absorb(LaneGroup group)
    {
        if (!_waiting.TryGetValue(group.LaneKey, out var waiting)) return;
        foreach (var tag in waiting.Where(t => (t.PassTime - group.Reference).Duration() <= Window)
                     .OrderBy(t => (t.PassTime - group.Reference).Duration()).ThenBy(t => t.EventId, StringComparer.Ordinal).ToList())
        {
            if (group.Devices.Contains(tag.DeviceId)) continue;
            group.Add(tag);
            _seen[tag.EventId] = group;
            waiting.Remove(tag);
        }
    }

    private List<LaneRead> TakeWaiting(string laneKey, Func<LaneRead, bool> take)
    {
        if (!_waiting.TryGetValue(laneKey, out var waiting)) return [];
        var taken = waiting.Where(take).ToList();
        foreach (var t in taken)
        {
            waiting.Remove(t);
            GroupsOf(laneKey).Unmatched.Enqueue(t);
        }
        if (waiting.Count == 0) _waiting.Remove(laneKey);
        return taken;
    }

    /// <summary>Open groups.</summary>
    public IEnumerable<LaneGroup> Open => _groups.Values.SelectMany(g => g.Open);

    /// <summary>Closes the given open group (the window ran out without another read at its lane).</summary>
    public static void Close(LaneGroup group) => group.Close();

    /// <summary>Forgets, per lane, the closed groups (and unmatched e-tag reads) whose window ended more than
    /// <paramref name="keep"/> before the lane's clock (bounded memory); their reads stay known as duplicates only
    /// while they are loaded again from the ledger.</summary>
    public void Forget(TimeSpan keep)
    {
        foreach (var lane in _groups.Values)
        {
            // A lane known only from stored groups (loaded, nothing offered yet) has no clock to forget by.
            if (lane.Clock - DateTime.MinValue <= keep + Window) continue;
            var before = lane.Clock - keep;
            foreach (var g in lane.Forget(before - Window))
                foreach (var r in g.Reads) _seen.Remove(r.EventId);
            while (lane.Unmatched.TryPeek(out var tag) && tag.PassTime + Window < before) _seen.Remove(lane.Unmatched.Dequeue().EventId);
        }
    }

    /// <summary>The newest pass time offered at <paramref name="laneKey"/>; null before its first read.</summary>
    public DateTime? ClockOf(string laneKey) =>
        _groups.TryGetValue(laneKey, out var lane) && lane.Clock != DateTime.MinValue ? lane.Clock : null;

    private LaneTimeline GroupsOf(string laneKey)
    {
        if (!_groups.TryGetValue(laneKey, out var lane)) _groups[laneKey] = lane = new LaneTimeline();
        return lane;
    }

    private List<LaneGroup> CloseLane(string laneKey, byte direction) => GroupsOf(laneKey).Close(g => g.Direction == direction);
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
    /// <summary>An e-tag read with no camera passage near it at its lane yet: it waits for one.</summary>
    Waiting,
}

/// <param name="Kind">What the new read did: started a group, joined one, or waits.</param>
/// <param name="Group">The group the read started or joined.</param>
/// <param name="Closed">Open groups of the lane the new read closed (they can be written now).</param>
/// <remarks><see cref="Unmatched"/>: waiting e-tag reads of the lane whose window the new read passed (no camera
/// read can join them any more).</remarks>
public sealed record FusionStep(FusionStepKind Kind, LaneGroup? Group, IReadOnlyList<LaneGroup> Closed)
{
    public IReadOnlyList<LaneRead> Unmatched { get; init; } = [];
}
