using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DataPlatform.RegulatorBridge.Signing;

namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>Builds and signs outgoing envelopes. Time and nonce are parameters, so the result is a pure function
/// of its inputs (the transport supplies <c>TimeProvider</c> time and a fresh UUID).</summary>
public sealed class EnvelopeBuilder
{
    // Chinese text must reach the platform as UTF-8, not \uXXXX: some platforms re-serialise data before
    // checking the signature. The output is never embedded in HTML.
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly EnvelopeStyle _style;
    private readonly EnvelopeIdentity _identity;
    private readonly Rsa2Signer _signer;

    public EnvelopeBuilder(EnvelopeStyle style, EnvelopeIdentity identity, Rsa2Signer signer)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(signer);
        if (!signer.CanSign)
            throw new ArgumentException("the envelope builder needs the enterprise's private key", nameof(signer));
        _style = style;
        _identity = identity;
        _signer = signer;
    }

    /// <remarks><paramref name="data"/>: The business payload as a JSON string; signed and sent exactly as
    /// given.</remarks>
    public SignedEnvelope Build(string method, string data, DateTimeOffset now, string nonce)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        var timestamp = ChinaTimestamp.Format(now, _style.TimestampFormat);
        var fields = new List<KeyValuePair<string, string>>
        {
            new(_style.AppIdField, _identity.AppId),
            new(_style.EntCodeField, _identity.EntCode),
            new(_style.MethodField, method),
            new(_style.TimestampField, timestamp),
            new(_style.NonceField, nonce),
            new(_style.VersionField, _style.Version),
            new(_style.SignTypeField, _style.SignType),
            new(_style.DataField, data),
        };
        var signString = SignString.Build(fields.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)), _style.SignField);
        var sign = _signer.Sign(signString);
        return new SignedEnvelope(fields, signString, sign, ToJson(fields, _style.SignField, sign), method, nonce, timestamp);
    }

    private static string ToJson(List<KeyValuePair<string, string>> fields, string signField, string sign)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            foreach (var (key, value) in fields)
                w.WriteString(key, value);
            w.WriteString(signField, sign);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
