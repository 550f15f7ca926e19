namespace DataPlatform.RegulatorBridge.Records;

/// <summary>One picture sent on its own (profiles with <c>PictureMode.SeparateUpload</c>); the platform answers
/// with a file id that the owning record then carries.</summary>
/// <param name="ImageId">Globally unique and derived from the picture (e.g. its sha256), so a re-upload is dropped.</param>
/// <param name="ImageKind">The field the picture belongs to, a <see cref="FieldIds"/> image id.</param>
/// <param name="Base64">The JPEG, standard Base64.</param>
public sealed record ImageUploadRecord(string ImageId, string OwnerRecordId, string ImageKind, string Base64);
