namespace DataPlatform.RegulatorBridge.Records;

/// <summary>One picture sent on its own (profiles with <c>PictureMode.SeparateUpload</c>); the platform answers
/// with a file id that the owning record then carries.</summary>
/// <remarks>
/// <para><paramref name="ImageId"/>: Globally unique and derived from the picture (e.g. its sha256), so a re-upload is
/// dropped.</para>
/// <para><paramref name="ImageKind"/>: The field the picture belongs to, a <see cref="FieldIds"/> image id.</para>
/// <para><paramref name="Base64"/>: The JPEG, standard Base64.</para>
/// </remarks>
public sealed record ImageUploadRecord(string ImageId, string OwnerRecordId, string ImageKind, string Base64);
