namespace DataPlatform.Cockpit.Monitor;

/// <summary>What the live gate monitor shows at one moment: today's (China day) passages and decisions, alarms,
/// device status and the regulator upload rate. Times are China time, as text, the way the page shows them.</summary>
public sealed record GateMonitorSnapshot(
    string Day,
    string At,
    TodayCounts Today,
    IReadOnlyList<RecentPassage> Passages,
    IReadOnlyList<HourCount> Hours,
    IReadOnlyList<AlarmRow> Alarms,
    IReadOnlyList<DeviceStatus> Devices,
    UploadRate Upload);

public sealed record TodayCounts(long Entries, long Exits, long Allowed, long Denied, long Manual, long PendingReview);

/// <summary>A passage with its gate decision and the text the gate display showed (门岗显示屏文字).</summary>
public sealed record RecentPassage(
    string PassageId, string PassTime, string GateId, string LaneId, int Direction, string PlateNo, string PlateColor,
    string VehicleType, string Outcome, string OutcomeText, string DisplayText);

public sealed record HourCount(int Hour, long Entries, long Exits, long Denied);

public sealed record AlarmRow(string RaisedAt, string Severity, string Title, string GateId, string Subject, bool Acknowledged);

public sealed record DeviceStatus(string DeviceId, string GateId, string LastSeen, bool Online, long Reads);

/// <summary>Today's regulator upload figures summed over the gates, as the bridge computed them (regulator_rates);
/// the rates are null before the bridge has counted anything today.</summary>
public sealed record UploadRate(long Generated, long OnTime, long Backfilled, long Backlog, double? TransmissionRate, double? CompletenessRate);
