using System.Diagnostics.CodeAnalysis;

namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>Turns a response body into a <see cref="PlatformResponse"/> or a rejection. A response whose signature
/// fails is not an acknowledgement: the outbox retries, and the platform drops the repeat by record id.</summary>
public static class ResponseReader
{
    public static bool TryRead(
        EnvelopeVerifier verifier,
        string? json,
        DateTimeOffset now,
        [NotNullWhen(true)] out PlatformResponse? response,
        [NotNullWhen(false)] out EnvelopeRejection? rejection)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        response = null;
        var verification = verifier.VerifyResponse(json, now);
        if (verification.Envelope is not { } envelope)
        {
            rejection = verification.Rejection!;
            return false;
        }
        var style = verifier.Style;
        var code = envelope.Get(style.ResponseCodeField);
        if (code is null)
        {
            rejection = new EnvelopeRejection(EnvelopeRejectionReason.MissingField, $"应答缺少字段 {style.ResponseCodeField}");
            return false;
        }
        var duplicate = style.DuplicateCode.Length > 0 && code == style.DuplicateCode;
        response = new PlatformResponse(
            code == style.SuccessCode || duplicate,
            duplicate,
            code,
            envelope.Get(style.ResponseMessageField) ?? "",
            envelope.Get(style.DataField));
        rejection = null;
        return true;
    }
}
