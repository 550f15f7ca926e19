namespace DataPlatform.Compliance.Fusion;

/// <summary>The reads of one physical passage at a lane and direction. The surviving read — the one whose event
/// becomes the passage — is the earliest camera read by (pass time, event id), so it does not depend on the order
/// the reads arrived in. <see cref="Closed"/> groups are stored: later reads can still join them (and are kept as
/// late corroborations) but can no longer change the sealed passage.</summary>
public sealed class LaneGroup
{
    private readonly List<LaneRead> _reads;

    private LaneRead? _frozen;
    // The earliest camera read so far, kept as reads join (searching groups reads it often).
    private LaneRead _earliest;
    private int? _sealedCount;
    private readonly HashSet<string> _devices;

    /// <remarks><paramref name="storedSurvivor"/>: For a group loaded from the ledger: the read its passage was written
    /// from.</remarks>
    public LaneGroup(string laneKey, byte direction, IEnumerable<LaneRead> reads, LaneRead? storedSurvivor = null)
    {
        LaneKey = laneKey;
        Direction = direction;
        _reads = [.. reads];
        _devices = new HashSet<string>(_reads.Select(r => r.DeviceId), StringComparer.Ordinal);
        _frozen = storedSurvivor;
        if (storedSurvivor is not null) _sealedCount = _reads.Count;
        if (!_reads.Any(r => !r.IsETag)) throw new ArgumentException("a lane group needs a camera read", nameof(reads));
        _earliest = LaneFusion.Survivor(_reads);
    }

    public string LaneKey { get; }

    public byte Direction { get; }

    public bool Closed => _frozen is not null;

    /// <summary>Every read in arrival order, late ones (joined after the group closed) included.</summary>
    public IReadOnlyList<LaneRead> Reads => _reads;

    /// <summary>The reads the passage is settled from: those that joined before the group closed. A read joining a
    /// closed group is late whether or not the passage was written yet, so what the ledger holds depends on the
    /// stream only, not on how it was cut into batches.</summary>
    public IReadOnlyList<LaneRead> SealedReads => _sealedCount is { } n ? _reads.GetRange(0, n) : _reads;

    /// <summary>Fixed once the group is closed: a late read cannot move a written passage.</summary>
    public LaneRead Survivor => _frozen ?? _earliest;

    /// <summary>The window is measured from the survivor's pass time (a stored passage's pass time).</summary>
    public DateTime Reference => Survivor.PassTime;

    /// <summary>The plate its passage was written with, once written (late reads are compared with it).</summary>
    public string? SettledPlate { get; set; }

    public IReadOnlySet<string> Devices => _devices;

    internal void Add(LaneRead read)
    {
        _reads.Add(read);
        _devices.Add(read.DeviceId);
        if (!read.IsETag) _earliest = Earlier(read, _earliest);
    }

    private static LaneRead Earlier(LaneRead a, LaneRead b) =>
        a.PassTime != b.PassTime ? (a.PassTime < b.PassTime ? a : b) : (string.CompareOrdinal(a.EventId, b.EventId) < 0 ? a : b);

    internal void Close()
    {
        if (_frozen is not null) return;
        _frozen = _earliest;
        _sealedCount = _reads.Count;
    }
}
