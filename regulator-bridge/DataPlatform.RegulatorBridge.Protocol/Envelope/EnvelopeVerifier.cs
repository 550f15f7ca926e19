using DataPlatform.RegulatorBridge.Signing;

namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>Checks messages from the regulator's platform with its public key. The order of checks matters:
/// the signature is verified before the nonce is remembered, so a forged message cannot poison the nonce window
/// and make the genuine one look like a replay.</summary>
public sealed class EnvelopeVerifier
{
    private readonly EnvelopeStyle _style;
    private readonly Rsa2Signer _platformKey;

    public EnvelopeVerifier(EnvelopeStyle style, Rsa2Signer platformKey)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(platformKey);
        _style = style;
        _platformKey = platformKey;
    }

    public EnvelopeStyle Style => _style;

    /// <summary>For downlink commands: signature, timestamp inside the window and a fresh nonce are all required.</summary>
    public EnvelopeVerification VerifyCommand(string? json, DateTimeOffset now, NonceWindow nonces)
    {
        ArgumentNullException.ThrowIfNull(nonces);
        return Verify(json, now, nonces, requireSignature: true, requireTimestamp: true);
    }

    /// <summary>For responses to our own requests: the signature when the profile says responses are signed;
    /// a timestamp, when present, must be inside the window; nonces are not tracked (the response answers a
    /// request we just made, which already binds it in time).</summary>
    public EnvelopeVerification VerifyResponse(string? json, DateTimeOffset now) =>
        Verify(json, now, nonces: null, requireSignature: _style.ResponsesSigned, requireTimestamp: false);

    private EnvelopeVerification Verify(string? json, DateTimeOffset now, NonceWindow? nonces, bool requireSignature, bool requireTimestamp)
    {
        if (!EnvelopeReader.TryRead(json, out var envelope, out var why))
            return EnvelopeVerification.Reject(EnvelopeRejectionReason.Malformed, why);

        if (requireSignature)
        {
            var signType = envelope.Get(_style.SignTypeField);
            if (signType is null)
                return Missing(_style.SignTypeField);
            if (!string.Equals(signType, _style.SignType, StringComparison.Ordinal))
                return EnvelopeVerification.Reject(EnvelopeRejectionReason.UnsupportedSignType,
                    $"签名类型 {Clip(signType)} 不受支持，应为 {_style.SignType}");
            var sign = envelope.Get(_style.SignField);
            if (sign is null)
                return Missing(_style.SignField);
            string signString;
            try
            {
                signString = SignString.Build(envelope.Fields, _style.SignField);
            }
            catch (ArgumentException e)
            {
                return EnvelopeVerification.Reject(EnvelopeRejectionReason.Malformed, e.Message);
            }
            if (!_platformKey.Verify(signString, sign))
                return EnvelopeVerification.Reject(EnvelopeRejectionReason.BadSignature, "签名验证失败：报文可能被伪造或篡改");
        }

        var timestampText = envelope.Get(_style.TimestampField);
        if (timestampText is null)
        {
            if (requireTimestamp)
                return Missing(_style.TimestampField);
        }
        else
        {
            if (!ChinaTimestamp.TryParse(timestampText, _style.TimestampFormat, out var timestamp))
                return EnvelopeVerification.Reject(EnvelopeRejectionReason.Malformed,
                    $"时间戳 {Clip(timestampText)} 格式错误，应为 {_style.TimestampFormat}");
            if ((now - timestamp).Duration() > _style.MessageWindow)
                return EnvelopeVerification.Reject(EnvelopeRejectionReason.Expired,
                    $"时间戳 {timestampText} 超出有效窗口（±{_style.MessageWindow.TotalSeconds:0} 秒）");
            if (nonces is not null)
            {
                var nonce = envelope.Get(_style.NonceField);
                if (nonce is null)
                    return Missing(_style.NonceField);
                if (!nonces.TryAccept(nonce, timestamp, now))
                    return EnvelopeVerification.Reject(EnvelopeRejectionReason.Replayed, $"随机数 {Clip(nonce)} 重复：疑似重放");
            }
        }
        return EnvelopeVerification.Accept(envelope);
    }

    private static EnvelopeVerification Missing(string field) =>
        EnvelopeVerification.Reject(EnvelopeRejectionReason.MissingField, $"缺少字段 {field}");

    private static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
