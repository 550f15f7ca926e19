using System.Text;

namespace DataPlatform.RegulatorBridge.Framing;

/// <summary>Writing side of JSON-lines framing: one compact JSON document + '\n' per message. Compact JSON never
/// holds a raw newline (they are escaped inside strings), so the newline is an unambiguous frame end.</summary>
public static class JsonLines
{
    /// <exception cref="ArgumentException">the text holds a raw CR or LF, so it would split into two frames.</exception>
    public static byte[] Frame(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.AsSpan().IndexOfAny('\n', '\r') >= 0)
            throw new ArgumentException("a JSON line must not contain a raw newline; serialise without indentation", nameof(json));
        var bytes = new byte[Encoding.UTF8.GetByteCount(json) + 1];
        Encoding.UTF8.GetBytes(json, bytes);
        bytes[^1] = (byte)'\n';
        return bytes;
    }
}
