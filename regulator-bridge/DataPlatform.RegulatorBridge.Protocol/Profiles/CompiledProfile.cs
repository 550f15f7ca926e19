namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>A validated snapshot of a profile with its compiled code and field maps; what the bridge uses.</summary>
public sealed class CompiledProfile
{
    internal CompiledProfile(RegulatorProfile profile, IPayloadMapping? mapping)
    {
        Profile = profile;
        Codec = new ProfileCodec(profile.Codes);
        Fields = new FieldMap(profile.FieldNames);
        Mapping = mapping;
    }

    /// <summary>A private copy; changing the bound instance after registration does not affect it.</summary>
    public RegulatorProfile Profile { get; }

    public string Name => Profile.Name;

    public ProfileCodec Codec { get; }

    public FieldMap Fields { get; }

    public IPayloadMapping? Mapping { get; }

    /// <summary>The method name, or null when the platform has no such call.</summary>
    public string? MethodFor(RecordKind kind) => Profile.Methods.For(kind) is { Length: > 0 } method ? method : null;
}
