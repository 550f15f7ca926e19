namespace DataPlatform.Devices.ETag;

/// <summary>EPC → registered vehicle, as a pure immutable look-up (the register itself lives elsewhere and
/// builds a new registry when it changes). An EPC registered twice to different vehicles is ambiguous: neither
/// registration is used, and the EPC is listed in <see cref="Conflicts"/> for the operator to fix.</summary>
public sealed class TagRegistry
{
    private readonly Dictionary<string, TagRegistration> _byEpc = new(StringComparer.Ordinal);

    public TagRegistry(IEnumerable<TagRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var conflicts = new SortedSet<string>(StringComparer.Ordinal);
        var invalid = new List<TagRegistration>();
        foreach (var registration in registrations)
        {
            if (registration is null)
                continue;
            if (!Epc.TryParse(registration.Epc, out var epc, out _))
            {
                invalid.Add(registration);
                continue;
            }
            var normalised = registration with { Epc = epc };
            if (conflicts.Contains(epc))
                continue;
            if (_byEpc.TryGetValue(epc, out var existing))
            {
                if (existing.Plate == normalised.Plate && existing.VehicleId == normalised.VehicleId)
                    continue;
                _byEpc.Remove(epc);
                conflicts.Add(epc);
                continue;
            }
            _byEpc.Add(epc, normalised);
        }
        Conflicts = [.. conflicts];
        Invalid = invalid.AsReadOnly();
    }

    public int Count => _byEpc.Count;

    /// <summary>EPCs registered to more than one vehicle; they resolve to unknown.</summary>
    public IReadOnlyList<string> Conflicts { get; }

    /// <summary>Registrations whose EPC is not a valid EPC; they are not used.</summary>
    public IReadOnlyList<TagRegistration> Invalid { get; }

    /// <summary>The vehicle that carries the read's tag, or an <see cref="DeviceRejectionCodes.UnknownTag"/>
    /// (or <see cref="DeviceRejectionCodes.InvalidEpc"/>) rejection.</summary>
    public DeviceResult<ResolvedTag> Resolve(TagRead? read)
    {
        if (read is null)
            return DeviceResult<ResolvedTag>.Failure(DeviceRejectionCodes.InvalidEpc, "no read");
        if (!Epc.TryParse(read.Epc, out var epc, out var reason))
            return DeviceResult<ResolvedTag>.Failure(DeviceRejectionCodes.InvalidEpc, reason);
        if (_byEpc.TryGetValue(epc, out var registration))
            return DeviceResult<ResolvedTag>.Success(new ResolvedTag(read, registration));
        return DeviceResult<ResolvedTag>.Failure(DeviceRejectionCodes.UnknownTag, Conflicts.Contains(epc)
            ? $"EPC {epc} is registered to more than one vehicle"
            : $"EPC {epc} is not registered to any vehicle");
    }
}
