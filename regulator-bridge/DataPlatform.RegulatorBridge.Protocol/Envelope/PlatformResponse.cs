namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>The platform's answer to one upload, after verification.</summary>
/// <remarks>
/// <para><paramref name="Acknowledged"/>: The platform holds the record: the success code, or the profile's duplicate
/// code.</para>
/// <para><paramref name="Data"/>: The response's data field as text (e.g. holding the file id of an image
/// upload).</para>
/// </remarks>
public sealed record PlatformResponse(bool Acknowledged, bool Duplicate, string Code, string Message, string? Data);
