using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorBridge.Outbox;

/// <summary>When an upload is 补传. [P] Decided once, at the first attempt: 补传 when that attempt starts after
/// the record's real-time deadline or while the platform is down (circuit not closed). It is then kept for every
/// retry, so the platform never sees one record under two flags; a real-time record that ends up acknowledged
/// late simply does not count as on time.</summary>
public static class BackfillRule
{
    public static UploadMode ModeFor(DateTimeOffset deadline, DateTimeOffset firstAttemptAt, bool platformDown) =>
        platformDown || firstAttemptAt > deadline ? UploadMode.Backfill : UploadMode.RealTime;
}
