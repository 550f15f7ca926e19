namespace DataPlatform.RegulatorSimulator.Store;

/// <summary>Counters since start. Every attempt ends exactly one way:
/// <c>Attempts = Accepted + DuplicatesDropped + RefusedTotal + FailedBeforeStore + NotRecords</c>, where NotRecords
/// are verified heartbeats, logins, polls and receipts.</summary>
/// <remarks>
/// <para><paramref name="Attempts"/>: Every message received (HTTP request or TCP line), whatever became of it.</para>
/// <para><paramref name="Accepted"/>: Distinct records stored by this run (images included).</para>
/// <para><paramref name="Stored"/>: Records held, including those reloaded from the data folder.</para>
/// <para><paramref name="DuplicatesDropped"/>: Verified attempts whose record id was already stored.</para>
/// <para><paramref name="Refused"/>: Attempts refused, by reason.</para>
/// <para><paramref name="FailedBeforeStore"/>: Verified attempts that a fault stopped before the platform acted on them
/// (record not stored; heartbeat, poll or receipt not processed).</para>
/// <para><paramref name="FaultsInjected"/>: Faults applied, by kind name.</para>
/// <para><paramref name="Acknowledged"/>: Stored records with an acknowledgement that left the platform.</para>
/// <para><paramref name="AttemptsByMethod"/>: Attempts by envelope method ("?" when the envelope was
/// unreadable).</para>
/// </remarks>
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
