namespace DataPlatform.Processing.LedgerRecords;

/// <summary>Position of a record stream's publisher: every row at or before (<paramref name="Ms"/>, <paramref name="Id"/>)
/// in (ingested_at / updated_at, id) order has been published and acknowledged by Kafka.</summary>
public readonly record struct PublishMark(long Ms, Guid Id)
{
    public static PublishMark Start { get; } = new(0, Guid.Empty);
}
