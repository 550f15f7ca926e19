namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>How a regulator spells the signed envelope. Defaults are the baseline of spec §5. Plain settable
/// properties so a profile binds from configuration; scalar members only, because the configuration binder
/// appends to pre-filled collections instead of replacing them.</summary>
public sealed class EnvelopeStyle
{
    public string AppIdField { get; set; } = "appId";
    public string EntCodeField { get; set; } = "entCode";
    public string MethodField { get; set; } = "method";
    public string TimestampField { get; set; } = "timestamp";
    public string NonceField { get; set; } = "nonce";
    public string VersionField { get; set; } = "version";
    public string SignTypeField { get; set; } = "signType";
    public string DataField { get; set; } = "data";
    public string SignField { get; set; } = "sign";

    /// <summary>Always China time (UTC+8); the format carries no offset.</summary>
    public string TimestampFormat { get; set; } = "yyyy-MM-dd HH:mm:ss";

    public string Version { get; set; } = "1.0";
    public string SignType { get; set; } = "RSA2";

    /// <summary>A signed message whose timestamp is further than this from our clock, either way, is refused
    /// as expired; nonces are remembered for the same span, so a replay inside it is caught.</summary>
    public TimeSpan MessageWindow { get; set; } = TimeSpan.FromMinutes(5);

    public string ResponseCodeField { get; set; } = "code";
    public string ResponseMessageField { get; set; } = "msg";

    /// <summary>The response code that means "accepted" (the record is stored on the platform).</summary>
    public string SuccessCode { get; set; } = "0";

    /// <summary>Some platforms answer a duplicate record id with a distinct code; it still means "the platform
    /// has it", so the outbox treats it as an acknowledgement. Empty: no such code.</summary>
    public string DuplicateCode { get; set; } = "";

    /// <summary>Whether the platform signs its responses. Commands are always required to be signed.</summary>
    public bool ResponsesSigned { get; set; } = true;

    public EnvelopeStyle Clone() => (EnvelopeStyle)MemberwiseClone();
}
