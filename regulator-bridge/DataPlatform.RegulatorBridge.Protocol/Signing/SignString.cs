using System.Text;

namespace DataPlatform.RegulatorBridge.Signing;

/// <summary>The spec §5 string to sign: every non-empty top-level field except <c>sign</c>, sorted by key in
/// ordinal (ASCII) order, joined as <c>k=v</c> with <c>&amp;</c>; values exactly as sent, no escaping, no
/// Unicode normalisation (normalising would make two different payloads share one signature).</summary>
public static class SignString
{
    public const string SignField = "sign";

    // Throwing on a lone surrogate matters: the default encoder would replace it with U+FFFD, so two different
    // strings would sign alike and "any change breaks the signature" would not hold.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="ArgumentException">a key appears twice (the meaning of the message would be ambiguous).</exception>
    public static string Build(IEnumerable<KeyValuePair<string, string?>> envelopeFields, string signField = SignField)
    {
        ArgumentNullException.ThrowIfNull(envelopeFields);
        var kept = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in envelopeFields)
        {
            if (!seen.Add(key))
                throw new ArgumentException($"field '{key}' appears twice", nameof(envelopeFields));
            if (key == signField || string.IsNullOrEmpty(value))
                continue;
            kept.Add(new(key, value));
        }
        kept.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var text = new StringBuilder();
        foreach (var (key, value) in kept)
        {
            if (text.Length > 0)
                text.Append('&');
            text.Append(key).Append('=').Append(value);
        }
        return text.ToString();
    }

    /// <summary>The UTF-8 bytes that are actually signed.</summary>
    /// <exception cref="ArgumentException">a value holds invalid UTF-16 (a lone surrogate).</exception>
    public static byte[] BuildBytes(IEnumerable<KeyValuePair<string, string?>> envelopeFields, string signField = SignField) =>
        ToBytes(Build(envelopeFields, signField));

    public static byte[] ToBytes(string signString)
    {
        try
        {
            return StrictUtf8.GetBytes(signString);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("the string to sign holds invalid UTF-16 (a lone surrogate)", nameof(signString), e);
        }
    }
}
