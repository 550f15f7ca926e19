namespace DataPlatform.Gate;

/// <summary>The JSON wire format of <see cref="GateEvent"/> (camelCase, UTF-8):
/// <c>{"eventId":"cam01-000123","enterpriseId":"E1302001","gateId":"G01","laneId":"L1","direction":1,
/// "passTime":"2026-11-28T10:15:30+08:00","plateNo":"冀B12345","plateColor":"yellow","confidence":0.97,
/// "vehicleType":"H11","deviceId":"cam-01","pictures":["sha256:ab…"]}</c>.</summary>
public static class GateEventCodec
{
    public const int DefaultMaxBytes = 64 * 1024;

    /// <summary>Our documents are two levels deep; a small limit keeps hostile nesting cheap.</summary>
    public const int MaxDepth = 8;

    /// <summary>How far ahead of <c>now</c> a passTime may be before it is taken for a broken device clock.</summary>
    public static readonly TimeSpan MaxClockSkewAhead = TimeSpan.FromDays(1);

    /// <summary>Why <paramref name="value"/> cannot be a pass time (before 2000, or more than
    /// <see cref="MaxClockSkewAhead"/> after <paramref name="now"/>), else null. Safe for any instant, even
    /// <see cref="DateTimeOffset.MaxValue"/>: adapters call it before anything converts the time to China time
    /// (which overflows near the ends of the calendar) or derives an event id from it.</summary>
    public static string? CheckPassTime(DateTimeOffset value, DateTimeOffset now, string field = "passTime") =>
        value < GateEventRules.EarliestPassTime ? $"field '{field}' {value:O} is before 2000"
        : value - now > MaxClockSkewAhead ? $"field '{field}' {value:O} is more than {MaxClockSkewAhead.TotalHours:0} h after now ({now:O})"
        : null;

    /// <summary>Reads one event. Never throws for any input: anything that is not a valid event comes back as a
    /// <see cref="Rejection"/> with a code from <see cref="RejectionCodes"/> and a reason naming the field.</summary>
    /// <remarks>
    /// <para><paramref name="now"/>: The clock to judge future pass times against.</para>
    /// <para><paramref name="maxBytes"/>: Inputs longer than this are <see cref="RejectionCodes.TooLarge"/>.</para>
    /// </remarks>
    public static GateEventParseResult Parse(ReadOnlySpan<byte> utf8Json, DateTimeOffset now, int maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        return utf8Json.Length > maxBytes
            ? GateEventParseResult.Failure(RejectionCodes.TooLarge, $"input has {utf8Json.Length} bytes, more than {maxBytes}")
            : GateEventReader.Read(utf8Json, now);
    }

    /// <summary>Writes the canonical form: normalised plate, English colour name, passTime at +08:00, null
    /// optionals omitted.</summary>
    /// <exception cref="ArgumentException">the event breaks a field rule, so it could not be read back.</exception>
    public static byte[] Serialize(GateEvent gateEvent)
    {
        ArgumentNullException.ThrowIfNull(gateEvent);
        return GateEventWriter.Write(gateEvent);
    }
}
