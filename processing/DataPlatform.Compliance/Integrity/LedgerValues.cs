using System.Globalization;
using DataPlatform.Gate;

namespace DataPlatform.Compliance.Integrity;

/// <summary>Invariant text forms for ledger field values: whoever builds a record (processing today, the verifier
/// years later) must produce the same bytes.</summary>
public static class LedgerValues
{
    /// <summary>China time with 100 ns precision and the offset: 2026-11-28T10:15:30.0000000+08:00.</summary>
    public static string Of(DateTimeOffset time) =>
        ChinaTime.From(time).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    public static string Of(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Trailing zeros removed, so 12.50 and 12.5 hash alike.</summary>
    public static string Of(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static string Of(bool value) => value ? "1" : "0";
}
