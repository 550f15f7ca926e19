namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>[P] The baseline platform's refusal codes (success is the profile's <c>SuccessCode</c>, "0"). The
/// regulator simulator answers with them; the bridge may use them to tell a configuration error (signature,
/// unknown enterprise: retrying will not help, raise an alarm) from a transient one.</summary>
public static class PlatformCodes
{
    public const string BadSignature = "1001";
    public const string Expired = "1002";
    public const string Replayed = "1003";

    /// <summary>Not JSON, missing envelope field, unsupported sign type.</summary>
    public const string MalformedEnvelope = "1004";

    public const string UnknownEnterprise = "1005";
    public const string UnknownMethod = "1006";

    /// <summary>The payload lacks an identifying field or holds an unreadable code.</summary>
    public const string BadSchema = "1007";

    /// <summary>A business refusal without a more specific code (retry later).</summary>
    public const string BusinessRefusal = "2001";

    /// <summary>On links without HTTP status codes: the platform failed internally (retry later).</summary>
    public const string InternalError = "5000";

    /// <summary>Codes that retrying the same record will not cure.</summary>
    public static bool IsPermanent(string code) =>
        code is BadSignature or UnknownEnterprise or UnknownMethod or BadSchema or MalformedEnvelope;
}
