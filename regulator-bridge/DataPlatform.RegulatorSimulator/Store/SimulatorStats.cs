namespace DataPlatform.RegulatorSimulator.Store;

/// <summary>Counters since start. Every attempt ends exactly one way:
/// <c>Attempts = Accepted + DuplicatesDropped + RefusedTotal + FailedBeforeStore + NotRecords</c>, where NotRecords
/// are verified heartbeats, logins, polls and receipts.</summary>
/// <param name="Attempts">Every message received (HTTP request or TCP line), whatever became of it.</param>
/// <param name="Accepted">Distinct records stored by this run (images included).</param>
/// <param name="Stored">Records held, including those reloaded from the data folder.</param>
/// <param name="DuplicatesDropped">Verified attempts whose record id was already stored.</param>
/// <param name="Refused">Attempts refused, by reason.</param>
/// <param name="FailedBeforeStore">Verified attempts that a fault stopped before the platform acted on them
/// (record not stored; heartbeat, poll or receipt not processed).</param>
/// <param name="FaultsInjected">Faults applied, by kind name.</param>
/// <param name="Acknowledged">Stored records with an acknowledgement that left the platform.</param>
/// <param name="AttemptsByMethod">Attempts by envelope method ("?" when the envelope was unreadable).</param>
public sealed record SimulatorStats(
    long Attempts,
    long Accepted,
    long Stored,
    long DuplicatesDropped,
    IReadOnlyDictionary<RefusalReason, long> Refused,
    long FailedBeforeStore,
    long NotRecords,
    long Heartbeats,
    IReadOnlyDictionary<string, long> FaultsInjected,
    long Acknowledged,
    IReadOnlyDictionary<string, long> AcceptedByKind,
    long CommandsIssued,
    long CommandDeliveries,
    long CommandReceipts,
    IReadOnlyDictionary<string, long> AttemptsByMethod)
{
    public long RefusedTotal => Refused.Values.Sum();
}
