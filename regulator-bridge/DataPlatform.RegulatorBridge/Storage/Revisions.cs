namespace DataPlatform.RegulatorBridge.Storage;

/// <summary>Strictly increasing row revisions for ReplacingMergeTree: microseconds since the epoch, bumped when
/// two writes fall in one microsecond, so a later state always wins. Across restarts the clock moves on.</summary>
public static class Revisions
{
    private static long _last;

    public static ulong Next(DateTimeOffset now)
    {
        var candidate = now.ToUnixTimeMilliseconds() * 1000;
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(candidate, last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
                return (ulong)next;
        }
    }
}
