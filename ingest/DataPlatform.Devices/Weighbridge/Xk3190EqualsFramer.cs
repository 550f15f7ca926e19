using System.Globalization;

namespace DataPlatform.Devices.Weighbridge;

/// <summary>耀华 XK3190 continuous output with tF=0 (also D2+/DS-series indicators set to the same mode): each
/// frame is '=' followed by the displayed value with its characters in reverse order, lowest digit first, the
/// decimal point in place, and '-' in the last (most significant) position for a negative weight. So
/// <c>=00.0521</c> is 1250.00 and <c>=0.0521-</c> is -1250.0. There is no terminator: the next '=' starts the next
/// frame, so a frame is exactly '=' plus <see cref="PayloadLength"/> characters (7 on the A9 and D2+).</summary>
public sealed class Xk3190EqualsFramer : StreamFramer<IndicatorFrame>
{
    private const byte Start = (byte)'=';

    /// <param name="payloadLength">Characters after '=' (6..8); 7 unless the indicator's manual says otherwise.</param>
    public Xk3190EqualsFramer(int payloadLength = 7)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(payloadLength, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadLength, 8);
        PayloadLength = payloadLength;
    }

    public int PayloadLength { get; }

    protected override FrameScan<IndicatorFrame> Scan(ReadOnlySpan<byte> buffered)
    {
        if (buffered[0] != Start)
            return SkipTo(buffered, Start);
        var length = 1 + PayloadLength;
        if (buffered.Length < length)
            return FrameScan<IndicatorFrame>.NeedMore;
        var payload = buffered[1..length];
        return TryDecode(payload, out var frame, out var reason)
            ? Accept(length, frame)
            : Reject(DeviceRejectionCodes.BadFrame, $"XK3190 '=' frame '{DeviceText.HexPreview(buffered[..length])}': {reason}");
    }

    internal static bool TryDecode(ReadOnlySpan<byte> payload, out IndicatorFrame frame, out string reason)
    {
        frame = null!;
        Span<char> display = stackalloc char[payload.Length];
        for (var i = 0; i < payload.Length; i++)
            display[payload.Length - 1 - i] = (char)payload[i];
        var negative = display[0] == '-';
        var digits = negative ? display[1..] : display;
        var dot = digits.IndexOf('.');
        var wellFormed = !digits.IsEmpty && dot != 0 && dot != digits.Length - 1;
        for (var i = 0; wellFormed && i < digits.Length; i++)
            wellFormed = char.IsAsciiDigit(digits[i]) || i == dot;
        if (!wellFormed)
        {
            reason = "the value must be digits with at most one decimal point between digits and a '-' only in " +
                     "the highest position";
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
