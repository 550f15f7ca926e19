using System.Collections.Concurrent;

namespace DataPlatform.Ingest.Health;

/// <summary>
/// Counts, per device, the captures that arrived with a picture missing (an empty multipart part). One such capture
/// is a glitch and only marks its passage; <paramref name="threshold"/> of them within <paramref name="window"/> is
/// a camera that stopped grabbing frames, worth one alarm per window. Pure apart from its memory: fixed windows
/// starting at the first miss, so the decision depends only on the times it is given.
/// </summary>
public sealed class MissingPictureTracker(int threshold, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> _devices = new(StringComparer.Ordinal);

    /// <summary>Notes one capture with missing pictures; returns the count in the window when this one reaches the
    /// threshold (raise the alarm now), else null. At most one alarm per device and window.</summary>
    public int? Note(string deviceId, DateTimeOffset now)
    {
        var state = _devices.AddOrUpdate(deviceId,
            _ => (now, 1),
            (_, old) => now - old.Start >= window || now < old.Start ? (now, 1) : (old.Start, old.Count + 1));
        return state.Count == Math.Max(1, threshold) ? state.Count : null;
    }
}
