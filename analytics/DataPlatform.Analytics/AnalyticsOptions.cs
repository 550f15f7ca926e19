using System.ComponentModel.DataAnnotations;

namespace DataPlatform.Analytics;

/// <summary>The analytics role's own settings. Bound from the <c>Analytics</c> configuration section.</summary>
public sealed class AnalyticsOptions
{
    /// <summary>Addresses the analytics HTTP listener binds (the web cockpit, waybill import, report downloads),
    /// e.g. <c>http://0.0.0.0:8090</c> to serve the plant's LAN.</summary>
    [Required]
    public string Urls { get; set; } = "http://127.0.0.1:8090";
}
