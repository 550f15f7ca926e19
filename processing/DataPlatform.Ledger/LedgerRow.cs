using System.Data.Common;
using System.Globalization;

namespace DataPlatform.Ledger;

/// <summary>
/// Reads a ClickHouse result row by column NAME, never by position: a mapper stays right when a SELECT gains,
/// loses or reorders a column, and a column the query lacks fails naming it. Give every computed column an alias
/// (<c>toUnixTimestamp(pass_time) AS pass_time_s</c>) that is not also a column name of the table, since ClickHouse
/// substitutes aliases into the rest of the query. Numbers convert culture-invariant; times cross the wire as Unix
/// seconds or milliseconds and come back as UTC <see cref="DateTime"/>s, so no server or client time zone shifts them.
/// </summary>
public static class LedgerRow
{
    /// <summary>The position of <paramref name="column"/>; a clear error naming it and the result's columns when the
    /// result has none (readers differ: some throw, some return -1).</summary>
    public static int Ordinal(this DbDataReader reader, string column)
    {
        int ordinal;
        try
        {
            ordinal = reader.GetOrdinal(column);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or KeyNotFoundException)
        {
            ordinal = -1;
        }
        if (ordinal < 0)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The query result has no column '{column}' (it has: {string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetName))})."));
        return ordinal;
    }

    /// <summary>The raw value (<see cref="DBNull"/> for SQL NULL), for types the driver returns as objects (maps,
    /// tuples, times of several kinds).</summary>
    public static object Value(this DbDataReader reader, string column) => reader.GetValue(reader.Ordinal(column));

    public static bool IsNull(this DbDataReader reader, string column) => reader.IsDBNull(reader.Ordinal(column));

    public static string String(this DbDataReader reader, string column) =>
        Read(reader, column, static (r, i) => r.GetString(i));

    /// <summary>An <c>Array(String)</c> column.</summary>
    public static string[] Strings(this DbDataReader reader, string column) =>
        Read(reader, column, static (r, i) => (string[])r.GetValue(i));

    public static Guid Uuid(this DbDataReader reader, string column) =>
        Read(reader, column, static (r, i) => r.GetGuid(i));

    public static byte Byte(this DbDataReader reader, string column) =>
        Read(reader, column, static (r, i) => Convert.ToByte(r.GetValue(i), CultureInfo.InvariantCulture));

    /// <summary>A <c>UInt8</c> flag column: true when it holds 1.</summary>
    public static bool Flag(this DbDataReader reader, string column) => reader.Byte(column) == 1;

    public static int Int32(this DbDataReader reader, string column) =>
        Read(reader, column, static (r, i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture));

    public static uint UInt32(this DbDataReader reader, string column) =>
        Read(reader, column, static (r, i) => Convert.ToUInt32(r.GetValue(i), CultureInfo.InvariantCulture));

    public static long Int64(this DbDataReader reader, string column) =>
        Read(reader, column, static (r, i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture));

    public static ulong UInt64(this DbDataReader reader, string column) =>
        Read(reader, column, static (r, i) => Convert.ToUInt64(r.GetValue(i), CultureInfo.InvariantCulture));

    public static double Double(this DbDataReader reader, string column) =>
        Read(reader, column, static (r, i) => Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture));

    /// <summary>A <c>Nullable(Float32)</c> column: null for SQL NULL.</summary>
    public static float? NullableSingle(this DbDataReader reader, string column) =>
        Read(reader, column, static (r, i) => r.IsDBNull(i) ? (float?)null : Convert.ToSingle(r.GetValue(i), CultureInfo.InvariantCulture));

    /// <summary>Unix seconds (<c>toUnixTimestamp(…) AS x_s</c>) as a UTC time.</summary>
    public static DateTime UnixSeconds(this DbDataReader reader, string column) =>
        DateTimeOffset.FromUnixTimeSeconds(reader.Int64(column)).UtcDateTime;

    /// <summary>Unix milliseconds (<c>toUnixTimestamp64Milli(…) AS x_ms</c>) as a UTC time.</summary>
    public static DateTime UnixMillis(this DbDataReader reader, string column) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.Int64(column)).UtcDateTime;

    // A value of an unexpected type (a NULL where none was expected, a string for a number) names its column too.
    private static T Read<T>(DbDataReader reader, string column, Func<DbDataReader, int, T> read)
    {
        var ordinal = reader.Ordinal(column);
        try
        {
            return read(reader, ordinal);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new InvalidCastException(string.Create(CultureInfo.InvariantCulture,
                $"Column '{column}' ({reader.GetDataTypeName(ordinal)}) holds '{reader.GetValue(ordinal)}': {e.Message}"), e);
        }
    }
}
