using System.Diagnostics.CodeAnalysis;

namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>Profiles by name. Adding a regulator is configuration (a bound <see cref="RegulatorProfile"/>) plus
/// at most one <see cref="IPayloadMapping"/> passed here. Profiles are validated and copied on registration.</summary>
public sealed class ProfileRegistry
{
    private readonly Dictionary<string, CompiledProfile> _profiles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IPayloadMapping> _mappings = new(StringComparer.Ordinal);

    public ProfileRegistry(IEnumerable<IPayloadMapping>? mappings = null)
    {
        foreach (var mapping in mappings ?? [])
            if (!_mappings.TryAdd(mapping.Name, mapping))
                throw new ArgumentException($"two payload mappings are named '{mapping.Name}'", nameof(mappings));
    }

    /// <summary>A registry holding the built-in profiles (baseline, hebei-tcp) and then <paramref name="configured"/>,
    /// which may replace a built-in of the same name.</summary>
    public static ProfileRegistry WithBuiltIns(IEnumerable<RegulatorProfile>? configured = null, IEnumerable<IPayloadMapping>? mappings = null)
    {
        var registry = new ProfileRegistry(mappings);
        registry.Add(RegulatorProfiles.Baseline);
        registry.Add(RegulatorProfiles.HebeiTcp);
        foreach (var profile in configured ?? [])
            registry.Add(profile);
        return registry;
    }

    public IReadOnlyCollection<string> Names => _profiles.Keys;

    /// <summary>Adds or replaces a profile.</summary>
    /// <exception cref="InvalidOperationException">the profile is invalid; the message lists every problem.</exception>
    public CompiledProfile Add(RegulatorProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var snapshot = profile.Clone();
        var problems = ProfileValidator.Validate(snapshot, _mappings.Keys);
        if (problems.Count > 0)
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        var mapping = snapshot.MappingName.Length > 0 ? _mappings[snapshot.MappingName] : null;
        var compiled = new CompiledProfile(snapshot, mapping);
        _profiles[snapshot.Name] = compiled;
        return compiled;
    }

    public bool TryGet(string name, [NotNullWhen(true)] out CompiledProfile? profile) => _profiles.TryGetValue(name, out profile);

    /// <exception cref="KeyNotFoundException">no such profile; the message lists the known ones.</exception>
    public CompiledProfile Get(string name) =>
        TryGet(name, out var profile)
            ? profile
            : throw new KeyNotFoundException($"no regulator profile '{name}' (known: {string.Join(", ", _profiles.Keys.Order())})");
}
