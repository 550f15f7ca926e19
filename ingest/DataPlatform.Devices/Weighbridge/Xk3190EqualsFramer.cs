using System.Globalization;

namespace DataPlatform.Devices.Weighbridge;

/// <summary>耀华 XK3190 '=' continuous output ("continuous communication format 1" in the XK3190-A26 and -A23p
/// manuals): each frame is '=' followed by the seven displayed characters — digits and the decimal point — in reverse
/// order, lowest digit first, then the sign position, '0' for positive and '-' for negative. So <c>=000.3000</c> is
/// 3.000 and <c>=00.1000-</c> is -1.00 (the manuals' own examples), 9 bytes a frame. There is no terminator: the
/// next '=' starts the next frame. A <see cref="PayloadLength"/> of 6 or 7 reads indicators that send no sign
/// position (a '-' then takes the highest digit's place).</summary>
public sealed class Xk3190EqualsFramer : StreamFramer<IndicatorFrame>
{
    private const byte Start = (byte)'=';

    /// <summary>Characters after '=' in the manuals' format: seven displayed characters and the sign position.</summary>
    public const int WithSignPosition = 8;

    /// <param name="payloadLength">Characters after '=' (6..8); 8 (with the sign position) unless the indicator's
    /// manual says otherwise.</param>
    public Xk3190EqualsFramer(int payloadLength = WithSignPosition)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(payloadLength, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadLength, 8);
        PayloadLength = payloadLength;
    }

    public int PayloadLength { get; }

    protected override FrameScan<IndicatorFrame> Scan(ReadOnlySpan<byte> buffered)
    {
        if (!TryTakeFixed(buffered, Start, 1 + PayloadLength, out var candidate, out var scan))
            return scan;
        return TryDecode(candidate[1..], out var frame, out var reason)
            ? Accept(candidate.Length, frame)
            : Reject(DeviceRejectionCodes.BadFrame, $"XK3190 '=' frame '{DeviceText.HexPreview(candidate)}': {reason}");
    }

    internal static bool TryDecode(ReadOnlySpan<byte> payload, out IndicatorFrame frame, out string reason)
    {
        frame = null!;
        Span<char> display = stackalloc char[payload.Length];
        for (var i = 0; i < payload.Length; i++)
            display[payload.Length - 1 - i] = (char)payload[i];
        var negative = display[0] == '-';
        if (payload.Length == WithSignPosition && !negative && display[0] != '0')
        {
            reason = $"the sign position (last character) must be '0' or '-', not '{(char)payload[^1]}'";
            return false;
        }
        var digits = negative || payload.Length == WithSignPosition ? display[1..] : display;
        var dot = digits.IndexOf('.');
        var wellFormed = !digits.IsEmpty && dot != 0 && dot != digits.Length - 1;
        for (var i = 0; wellFormed && i < digits.Length; i++)
            wellFormed = char.IsAsciiDigit(digits[i]) || i == dot;
        if (!wellFormed)
        {
            reason = "the value must be digits with at most one decimal point between digits and a '-' only in " +
                     "the sign position";
            return false;
        }
        var weight = decimal.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var decimals = dot < 0 ? 0 : digits.Length - dot - 1;
        frame = new IndicatorFrame(IndicatorProtocol.Xk3190Equals, negative ? -weight : weight, decimals,
            WeightUnit.Unspecified, Motion: null, IsNet: false, OutOfRange: false, Tare: null);
        reason = "";
        return true;
    }
}
