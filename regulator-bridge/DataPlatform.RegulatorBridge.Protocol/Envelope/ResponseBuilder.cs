using System.Buffers;
using System.Text;
using System.Text.Json;
using DataPlatform.RegulatorBridge.Signing;

namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>The platform side of <see cref="ResponseReader"/>: a signed answer {code, msg, data, timestamp, nonce,
/// signType, sign} in the profile's field names. Used by the regulator simulator; pure like
/// <see cref="EnvelopeBuilder"/>.</summary>
public sealed class ResponseBuilder
{
    private readonly EnvelopeStyle _style;
    private readonly Rsa2Signer _signer;

    public ResponseBuilder(EnvelopeStyle style, Rsa2Signer platformSigner)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(platformSigner);
        if (!platformSigner.CanSign)
            throw new ArgumentException("the response builder needs the platform's private key", nameof(platformSigner));
        _style = style;
        _signer = platformSigner;
    }

    /// <remarks>
    /// <para><paramref name="requestNonce"/>: Echoed in the nonce field, so an asynchronous ack names the line it
    /// answers.</para>
    /// <para><paramref name="method"/>: E.g. <see cref="PlatformMethods.Ack"/> on a TCP link; null leaves the field
    /// out.</para>
    /// </remarks>
    public string Build(string code, string message, string? data, DateTimeOffset now, string? requestNonce = null, string? method = null, string? entCode = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        var fields = new List<KeyValuePair<string, string?>>
        {
            new(_style.MethodField, method),
            new(_style.EntCodeField, entCode),
            new(_style.ResponseCodeField, code),
            new(_style.ResponseMessageField, message),
            new(_style.DataField, data),
            new(_style.TimestampField, ChinaTimestamp.Format(now, _style.TimestampFormat)),
            new(_style.NonceField, requestNonce),
            new(_style.SignTypeField, _style.SignType),
        };
        fields.RemoveAll(f => string.IsNullOrEmpty(f.Value));
        var sign = _signer.Sign(SignString.Build(fields, _style.SignField));
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, EnvelopeBuilder.WriterOptions))
        {
            w.WriteStartObject();
            foreach (var (key, value) in fields)
                w.WriteString(key, value);
            w.WriteString(_style.SignField, sign);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
