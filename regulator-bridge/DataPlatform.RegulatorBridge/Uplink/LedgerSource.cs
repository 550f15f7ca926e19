using DataPlatform.Streams;

namespace DataPlatform.RegulatorBridge.Uplink;

/// <summary>The ledger record an outbox entry uploads: the message as received (what the outbox table stores, so a
/// restart rebuilds the upload) and its typed record, parsed once — on intake, or on the first attempt after a
/// restart — never again per upload attempt.</summary>
public sealed class LedgerSource
{
    private readonly Lazy<LedgerRecord> _record;

    /// <summary>A source read back from the outbox table; parsed when first needed.</summary>
    public LedgerSource(string json)
    {
        Json = json;
        _record = new Lazy<LedgerRecord>(() => LedgerRecord.TryRead(System.Text.Encoding.UTF8.GetBytes(json), out var record, out var error)
            ? record : throw new FormatException(error));
    }

    /// <summary>A source taken in from <c>ledger.records</c>, already parsed.</summary>
    public LedgerSource(LedgerRecord record)
    {
        Json = record.Json;
        _record = new Lazy<LedgerRecord>(record);
    }

    public string Json { get; }

    /// <exception cref="FormatException">the stored message is not a ledger record (a corrupt source).</exception>
    public LedgerRecord Record => _record.Value;

    /// <summary>The version of the record (1 when the source cannot be read: any readable newer version replaces it).</summary>
    public ulong Version
    {
        get
        {
            try
            {
                return Record.Version;
            }
            catch (FormatException)
            {
                return 1;
            }
        }
    }

    public override string ToString() => Json;
}
