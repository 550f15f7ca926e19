using ClickHouse.Driver;
using DataPlatform.Ledger;
using DataPlatform.Processing.Sealing;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Passages;

/// <summary>Appends passages to the <c>passages</c> ledger table, each exactly once and sealed onto its hash
/// chain in the same insert; then upserts the chains' heads into <c>ledger_chain_heads</c>.</summary>
public sealed class PassageWriter(IdempotentInserter inserter, ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    public const string Ledger = "passages";

    public static readonly LedgerTable<PassageRow> Table = new(
        "passages", "passage_id", "pass_time", PassageRow.Columns, r => r.PassageId, r => r.PassTimeChina, r => r.Values())
    {
        // A device may re-push an event id with another pass time (clock fix, resend after an edit): still one row.
        TimeBoundedIdCheck = false,
    };

    // Built here rather than injected so the writer stays constructible from any host with the ledger services.
    private readonly PassageSealer _sealer = new(client, options);
    private readonly ChainHeadTable _heads = new(client, options);

    /// <summary>Returns how many rows were new.</summary>
    public async Task<int> WriteAsync(IReadOnlyCollection<PassageRow> rows, CancellationToken ct) =>
        (await WriteNewAsync(rows, ct)).Count;

    /// <summary>Writes the rows not yet stored and returns them as sealed and stored.</summary>
    public async Task<IReadOnlyList<PassageRow>> WriteNewAsync(IReadOnlyCollection<PassageRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var heads = await _sealer.HeadsAsync(rows, ct);
        IReadOnlyList<PassageRow> written = [];
        await inserter.InsertNewAsync(Table, rows, fresh => written = PassageSealer.Seal(fresh, heads), ct);
        _sealer.Remember(heads.Values);
        // The heads of every chain the batch touched, even when all its rows were already stored: a crash between
        // a batch's insert and this upsert is repaired when the batch is redelivered. The caller commits offsets
        // only after this returns.
        await _heads.SaveAsync(Ledger, heads.Values, ct);
        return written;
    }
}
