namespace DataPlatform.RegulatorBridge.Records;

/// <summary>What happened to a downlink command, as reported back.</summary>
public enum ReceiptStatus
{
    Received = 1,

    /// <summary>Applied at the gate (processing confirmed the policy change).</summary>
    Executed = 2,

    /// <summary>Refused (bad signature, expired, malformed …); never applied.</summary>
    Rejected = 3,
}
