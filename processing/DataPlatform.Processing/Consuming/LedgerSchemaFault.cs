using ClickHouse.Driver;

namespace DataPlatform.Processing.Consuming;

/// <summary>
/// Tells a ledger that is not the shape the code was built for (a dropped or altered table) from an engine that is
/// merely unreachable or busy. The first never heals by waiting — retrying the batch forever only hides it — so a
/// consumer stops on it with one fatal alarm; everything else is retried as before. Pure.
/// </summary>
public static class LedgerSchemaFault
{
    /// <summary>ClickHouse error codes that name a missing or reshaped table, database or column.</summary>
    public static IReadOnlyDictionary<int, string> Codes { get; } = new Dictionary<int, string>
    {
        [8] = "THERE_IS_NO_COLUMN",
        [10] = "NOT_FOUND_COLUMN_IN_BLOCK",
        [16] = "NO_SUCH_COLUMN_IN_TABLE",
        [47] = "UNKNOWN_IDENTIFIER",
        [53] = "TYPE_MISMATCH",
        [60] = "UNKNOWN_TABLE",
        [70] = "CANNOT_CONVERT_TYPE",
        [81] = "UNKNOWN_DATABASE",
        [386] = "NO_COMMON_TYPE",
    };

    /// <summary>The ClickHouse error behind <paramref name="error"/> (looked for through inner and aggregate
    /// exceptions) when it is a schema fault, else null.</summary>
    public static ClickHouseServerException? Of(Exception? error) => error switch
    {
        ClickHouseServerException server when Codes.ContainsKey(server.ErrorCode) => server,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Of).FirstOrDefault(e => e is not null),
        { InnerException: { } inner } => Of(inner),
        _ => null,
    };

    /// <summary>"UNKNOWN_TABLE (60)" for the log and the alarm.</summary>
    public static string Describe(ClickHouseServerException fault) =>
        $"{(Codes.TryGetValue(fault.ErrorCode, out var name) ? name : "code")} ({fault.ErrorCode})";
}
