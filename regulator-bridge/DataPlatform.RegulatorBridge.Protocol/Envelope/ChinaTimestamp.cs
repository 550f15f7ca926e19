using System.Globalization;
using DataPlatform.Gate;

namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>Envelope and payload times are China wall-clock time without an offset (spec §5); UTC+8 has no
/// daylight saving, so reading them back with a fixed offset is exact.</summary>
public static class ChinaTimestamp
{
    public static string Format(DateTimeOffset time, string format) =>
        ChinaTime.From(time).ToString(format, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, string format, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrEmpty(text)
            || !DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return false;
        time = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset);
        return true;
    }
}
