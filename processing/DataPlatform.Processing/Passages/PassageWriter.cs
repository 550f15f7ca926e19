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

    /// <summary>Writes the rows not yet stored and returns them as sealed and stored; the chains' heads are read from
    /// the ledger.</summary>
    public Task<IReadOnlyList<PassageRow>> WriteNewAsync(IReadOnlyCollection<PassageRow> rows, CancellationToken ct) =>
        WriteNewAsync(rows, owned: false, ct);

    /// <summary>Like <see cref="WriteNewAsync(IReadOnlyCollection{PassageRow}, CancellationToken)"/>, for the writer that
    /// owns the rows' lanes (their <c>gate.raw</c> partitions): a chain's head is read from the ledger once, then kept in
    /// memory until <see cref="ForgetOwnedChains"/>.</summary>
    public Task<IReadOnlyList<PassageRow>> WriteNewOwnedAsync(IReadOnlyCollection<PassageRow> rows, CancellationToken ct) =>
        WriteNewAsync(rows, owned: true, ct);

    /// <summary>The owner's lanes changed hands: heads kept in memory are read from the ledger again.</summary>
    public void ForgetOwnedChains() => _sealer.ForgetOwned();

    private async Task<IReadOnlyList<PassageRow>> WriteNewAsync(IReadOnlyCollection<PassageRow> rows, bool owned, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var heads = await _sealer.HeadsAsync(rows, owned, ct);
        IReadOnlyList<PassageRow> written = [];
        try
        {
            await inserter.InsertNewAsync(Table, rows, fresh => written = PassageSealer.Seal(fresh, heads), ct);
        }
        catch
        {
            // The insert may have been stored before it failed: the heads are read from the ledger on the retry.
            _sealer.ForgetOwned();
            throw;
        }
        _sealer.Remember(heads.Values, owned);
        // The heads of every chain the batch touched, even when all its rows were already stored: a crash between
        // a batch's insert and this upsert is repaired when the batch is redelivered. The caller commits offsets
        // only after this returns.
        await _heads.SaveAfterInsertAsync(Ledger, heads.Values, ct);
        return written;
    }
}
