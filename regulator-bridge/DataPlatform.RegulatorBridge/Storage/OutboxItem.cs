using DataPlatform.RegulatorBridge.Outbox;
using DataPlatform.RegulatorBridge.Uplink;

namespace DataPlatform.RegulatorBridge.Storage;

/// <summary>An outbox entry with what the store keeps beside it: the source record (typed, parsed once), the completeness of the last
/// payload sent and when the current attempt started.</summary>
public sealed record OutboxItem(
    OutboxEntry Entry,
    string EnterpriseId,
    LedgerSource Source,
    bool Complete,
    string Missing,
    DateTimeOffset? AttemptStartedAt);
