using System.Collections.Concurrent;

namespace DataPlatform.Ingest.Devices;

/// <summary>At most one authentication alarm per source in an interval; counts what it swallowed so the next
/// alarm says how many failures there were. Keyed by claimed device id or remote address.</summary>
public sealed class AuthAlarmThrottle(TimeSpan interval)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Last, int Suppressed)> _sources = new();

    /// <summary>True (with the number suppressed since the last alarm) when an alarm should be raised now.</summary>
    public bool ShouldRaise(string source, DateTimeOffset now, out int suppressed)
    {
        var raise = false;
        var swallowed = 0;
        _sources.AddOrUpdate(source,
            _ => { raise = true; return (now, 0); },
            (_, old) =>
            {
                if (now - old.Last >= interval)
                {
                    raise = true;
                    swallowed = old.Suppressed;
                    return (now, 0);
                }
                raise = false;
                return (old.Last, old.Suppressed + 1);
            });
        suppressed = swallowed;
        return raise;
    }
}
