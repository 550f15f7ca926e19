namespace DataPlatform.Devices.ETag;

/// <summary>A tag read matched to the vehicle the tag was issued to.</summary>
public sealed record ResolvedTag(TagRead Read, TagRegistration Registration);
