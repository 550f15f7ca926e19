namespace DataPlatform.Ledger;

/// <summary>How rows of one ledger table are identified, placed in time and written.</summary>
/// <remarks>
/// <para><paramref name="Name"/>: Table name inside the ledger database.</para>
/// <para><paramref name="IdColumn"/>: UUID column holding the row's deterministic id.</para>
/// <para><paramref name="TimeColumn"/>: The partitioning time column, used to prune the existence check to a few
/// months.</para>
/// </remarks>
public sealed record LedgerTable<TRow>(
    string Name,
    string IdColumn,
    string TimeColumn,
    IReadOnlyList<string> Columns,
    Func<TRow, Guid> Id,
    Func<TRow, DateTime> Time,
    Func<TRow, object?[]> Values)
{
    /// <summary>False when the row's time comes from a device that may re-push the same id with another time: the
    /// stored-id check then looks the id up across the whole table (give the id column a bloom-filter index), since
    /// a copy stored under another day would be outside any time bound taken from the new row.</summary>
    public bool TimeBoundedIdCheck { get; init; } = true;
}
