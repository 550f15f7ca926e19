namespace DataPlatform.Ingest;

/// <summary>Rejection codes that only device adapters produce, next to the gate vocabulary's
/// <see cref="DataPlatform.Gate.RejectionCodes"/>.</summary>
public static class IngestRejectionCodes
{
    /// <summary>A picture is not JPEG/PNG (by magic bytes) or its base64 does not decode.</summary>
    public const string InvalidPicture = "invalid_picture";

    /// <summary>The body is not the vendor's format: not XML/JSON, not an ANPR/tollgate event, broken multipart.</summary>
    public const string BadPayload = "bad_payload";

    /// <summary>A pushed event names another enterprise, gate or lane than its device is registered for.</summary>
    public const string DeviceMismatch = "device_mismatch";
}
