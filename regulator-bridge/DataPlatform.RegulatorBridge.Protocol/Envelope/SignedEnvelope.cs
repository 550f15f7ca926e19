namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>An outgoing envelope, signed. <see cref="Json"/> is what goes on the wire (the HTTPS body or one
/// JSON line); <see cref="SignString"/> is kept for the upload log, so a refusal can be diagnosed.</summary>
public sealed record SignedEnvelope(
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    string SignString,
    string Sign,
    string Json,
    string Method,
    string Nonce,
    string Timestamp);
