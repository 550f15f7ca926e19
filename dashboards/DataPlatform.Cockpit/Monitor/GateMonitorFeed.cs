using System.Collections.Concurrent;
using DataPlatform.Analytics.Scheduling;
using Microsoft.Extensions.Options;

namespace DataPlatform.Cockpit.Monitor;

/// <summary>The live monitor's current snapshot per enterprise, read from the ledger at most once per refresh
/// interval however many pages are open (a guard booth screen, managers' phones), so open pages cost the ledger
/// one read per interval, not one per page.</summary>
public sealed class GateMonitorFeed(GateMonitorReader reader, IOptions<CockpitOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Cached> _cache = new(StringComparer.Ordinal);

    public TimeSpan Refresh => TimeSpan.FromMilliseconds(options.Value.RefreshMilliseconds);

    public async Task<GateMonitorSnapshot> CurrentAsync(string enterpriseId, CancellationToken ct)
    {
        var entry = _cache.GetOrAdd(enterpriseId, _ => new Cached());
        await entry.Gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            if (entry.Snapshot is null || now - entry.ReadAt >= Refresh)
            {
                var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ChinaCalendar.Zone).DateTime);
                entry.Snapshot = await reader.ReadAsync(enterpriseId, day, now, options.Value.RecentPassages, options.Value.DeviceOfflineMinutes, ct);
                entry.ReadAt = now;
            }
            return entry.Snapshot;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private sealed class Cached
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public GateMonitorSnapshot? Snapshot { get; set; }

        public DateTimeOffset ReadAt { get; set; }
    }
}
