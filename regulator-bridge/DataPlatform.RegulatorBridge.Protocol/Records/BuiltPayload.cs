namespace DataPlatform.RegulatorBridge.Records;

/// <summary>A business payload ready for the envelope's data field, with the completeness of what it actually
/// carries (a picture that could not be resolved is missing from the upload even if the record has it).</summary>
public sealed record BuiltPayload(string RecordId, string Json, UploadMode Mode, CompletenessResult Completeness);
