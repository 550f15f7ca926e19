namespace DataPlatform.RegulatorBridge.Records;

/// <summary>Real-time or 补传, as the upload says it (spec §5).</summary>
public enum UploadMode
{
    RealTime = 0,

    /// <summary>补传: a re-upload after the deadline or an outage.</summary>
    Backfill = 1,
}
