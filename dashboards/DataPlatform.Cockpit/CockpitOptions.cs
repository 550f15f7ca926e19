using System.ComponentModel.DataAnnotations;

namespace DataPlatform.Cockpit;

/// <summary>The web cockpit's settings (<c>Cockpit</c> section). Its accounts are the guard booth's
/// (<c>Ingest:GuardBooth:Operators</c>): with none configured the cockpit is open (read-only) on the analytics listener.</summary>
public sealed class CockpitOptions
{
    /// <summary>How often the live monitor looks at the ledger for news to push to open pages.</summary>
    [Range(200, 60_000)]
    public int RefreshMilliseconds { get; set; } = 1000;

    /// <summary>Passages listed on the live monitor.</summary>
    [Range(5, 200)]
    public int RecentPassages { get; set; } = 30;

    /// <summary>A device with no read for this long shows as offline.</summary>
    [Range(1, 1440)]
    public int DeviceOfflineMinutes { get; set; } = 10;
}
