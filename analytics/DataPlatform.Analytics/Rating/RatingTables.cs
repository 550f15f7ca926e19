namespace DataPlatform.Analytics.Rating;

/// <summary>The ClickHouse objects holding the rating's figures (migrations 0040–0059; documented in
/// <c>analytics/README.md</c>). Other parts (reports, cockpit) read these names, never the raw ledgers' logic.</summary>
public static class RatingTables
{
    /// <summary>Sealed, append-only imported rail / water / pipeline / conveyor shipments (one row per waybill row).</summary>
    public const string CleanModeShipments = "clean_mode_shipments";

    /// <summary>Per enterprise × China day: the additive figures (trips and kg by heavy/stage, clean tonnes, alert
    /// day, heavy passages, interceptions), ReplacingMergeTree(version) on (enterprise_id, day) — read with FINAL.
    /// Written by the refresh job (<see cref="RatingRefresher"/>).</summary>
    public const string Daily = "rating_daily";

    /// <summary>Analyst view over <see cref="Daily"/>: one row per enterprise × day with the day's metrics under
    /// the default definitions (国六/NEV road compliance), Chinese column comments.</summary>
    public const string DailyView = "v_rating_daily";

    /// <summary>Days whose figures must be recomputed (late data noticed by the refresh job), drained by it.</summary>
    public const string RefreshLog = "rating_refresh_log";
}
