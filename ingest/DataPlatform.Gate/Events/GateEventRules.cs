using System.Buffers;

namespace DataPlatform.Gate;

/// <summary>Field rules shared by the reader (reject) and the writer (refuse to emit what could not be read
/// back), so Parse(Serialize(e)) == e holds for every event Serialize accepts.</summary>
internal static class GateEventRules
{
    public const int MaxEventIdLength = 64;
    public const int MaxIdLength = 32;
    public const int MaxDeviceIdLength = 64;
    public const int MaxPictures = 32;
    public const int MaxPictureLength = 1024;

    // Before the platform could exist; also keeps offset arithmetic far from DateTimeOffset.MinValue.
    public static readonly DateTimeOffset EarliestPassTime = new(2000, 1, 1, 0, 0, 0, ChinaTime.Offset);

    private static readonly SearchValues<char> EventIdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    public static string? CheckEventId(string value)
    {
        if (value.Length is 0 or > MaxEventIdLength)
            return $"field 'eventId' must have 1..{MaxEventIdLength} characters (has {value.Length})";
        return value.AsSpan().IndexOfAnyExcept(EventIdChars) >= 0
            ? $"field 'eventId' '{TextFold.Clip(value)}' may contain only A-Z a-z 0-9 . _ : -"
            : null;
    }

    /// <summary>enterpriseId, gateId, laneId: joined with '/' into the partition key, so '/' would make two
    /// lanes share a key; control characters and edge whitespace would make ids that look equal differ.</summary>
    public static string? CheckId(string field, string value, int maxLength = MaxIdLength)
    {
        if (value.Length is 0 || value.Length > maxLength)
            return $"field '{field}' must have 1..{maxLength} characters (has {value.Length})";
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            return $"field '{field}' has leading or trailing whitespace";
        foreach (var c in value)
            if (char.IsControl(c) || c == '/' || char.IsSurrogate(c))
                return $"field '{field}' '{TextFold.Clip(value)}' contains '/', a control or a non-BMP character";
        return null;
    }

    public static string? CheckPicture(int index, string value)
    {
        if (value.Length is 0 || value.Length > MaxPictureLength)
            return $"field 'pictures[{index}]' must have 1..{MaxPictureLength} characters (has {value.Length})";
        foreach (var c in value)
            if (char.IsControl(c) || char.IsWhiteSpace(c))
                return $"field 'pictures[{index}]' contains whitespace or a control character";
        return null;
    }

    public static string? CheckConfidence(double value) =>
        value is >= 0 and <= 1 ? null : $"field 'confidence' must be within 0..1 (is {value})";

    public static string? CheckPassTime(DateTimeOffset value) =>
        value < EarliestPassTime ? $"field 'passTime' {value:O} is before 2000" : null;
}
