namespace DataPlatform.Streams;

/// <summary>
/// One message of <see cref="Topics.LedgerRecords"/> (wire format version 1): a flat JSON object with <c>schema</c>,
/// <c>recordId</c> (the ledger row's UUID: the bridge's dedup key), <c>kind</c> (<see cref="LedgerPassageRecord"/>,
/// <see cref="LedgerTripRecord"/>, <see cref="LedgerRegisterRecord"/>), <c>version</c> (higher supersedes lower under
/// one record id) and the record's fields. Written by processing's one publisher and read by the regulator bridge,
/// both through <see cref="LedgerRecordJson"/>. Times are ISO 8601 China time, whole seconds.
/// </summary>
public interface ILedgerRecord
{
    int Schema { get; }

    Guid RecordId { get; }

    string Kind { get; }

    ulong Version { get; }

    string EnterpriseId { get; }

    string GateId { get; }

    /// <summary>When the record's event happened: what the regulator's deadlines count from.</summary>
    DateTimeOffset GeneratedAt { get; }

    /// <summary>The Kafka key: <c>enterprise/gate</c> (registers: <c>enterprise/register</c>).</summary>
    string Key { get; }
}
