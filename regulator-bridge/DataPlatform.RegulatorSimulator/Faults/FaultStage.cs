namespace DataPlatform.RegulatorSimulator.Faults;

/// <summary>When a fault strikes relative to storing the record. The bridge's exactly-once rests on the platform
/// dropping repeats by record id, so a test must say which side of the store a failure happened on.</summary>
public enum FaultStage
{
    /// <summary>The record is NOT stored: the attempt failed before the platform kept anything.</summary>
    BeforeStore = 1,

    /// <summary>The record IS stored (or recognised as a repeat), then the answer fails: the client sees a failure
    /// for a record the platform holds, retries, and the retry must be dropped as a duplicate.</summary>
    AfterStore = 2,
}
