using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>A profile's field names, compiled: field id → wire name and back.</summary>
public sealed class FieldMap
{
    private readonly Dictionary<string, string> _toWire;
    private readonly Dictionary<string, string> _fromWire;

    public FieldMap(IReadOnlyDictionary<string, string> renames)
    {
        _toWire = new(renames, StringComparer.Ordinal);
        _fromWire = new(StringComparer.Ordinal);
        foreach (var id in FieldIds.All.Concat(renames.Keys).Distinct(StringComparer.Ordinal))
            _fromWire.TryAdd(Wire(id), id);
    }

    public string Wire(string fieldId) => _toWire.TryGetValue(fieldId, out var name) && name.Length > 0 ? name : fieldId;

    /// <summary>The field id a wire name stands for (the name itself when it is not renamed).</summary>
    public string Id(string wireName) => _fromWire.TryGetValue(wireName, out var id) ? id : wireName;

    /// <summary>Pairs of field ids that would share a wire name, which would make payloads ambiguous.</summary>
    public static IEnumerable<(string First, string Second, string Wire)> Collisions(IReadOnlyDictionary<string, string> renames)
    {
        var map = new FieldMap(renames);
        var byWire = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in FieldIds.All.Concat(renames.Keys).Distinct(StringComparer.Ordinal))
        {
            var wire = map.Wire(id);
            if (byWire.TryGetValue(wire, out var other))
                yield return (other, id, wire);
            else
                byWire[wire] = id;
        }
    }
}
