using DataPlatform.Ledger;

namespace DataPlatform.MachineLearning.Ledger;

/// <summary>Times cross the wire as Unix seconds / milliseconds (<c>toUnixTimestamp</c>, <c>toUnixTimestamp64Milli</c>)
/// and go in as UTC <see cref="DateTime"/>s, so no server or client time zone can shift them.</summary>
internal static class UnixTime
{
    public static DateTimeOffset Seconds(object value) =>
        DateTimeOffset.FromUnixTimeSeconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)).ToOffset(DataPlatform.Gate.ChinaTime.Offset);

    public static DateTimeOffset Millis(object value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)).ToOffset(DataPlatform.Gate.ChinaTime.Offset);

    public static DateTime Utc(DateTimeOffset at) => DateTime.SpecifyKind(at.UtcDateTime, DateTimeKind.Utc);

    public static string Text(System.Data.Common.DbDataReader reader, string column) => reader.Value(column) as string ?? "";

    public static object Value(System.Data.Common.DbDataReader reader, string column) => reader.Value(column);
}
