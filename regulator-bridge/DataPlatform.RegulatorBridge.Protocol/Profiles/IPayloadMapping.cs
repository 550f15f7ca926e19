using System.Text.Json.Nodes;

namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>The one small class a regulator may need beyond configuration: a last pass over a payload that
/// field renames and code overrides cannot express (e.g. wrapping a record in a list, or adding a constant).
/// Must be pure and deterministic: the result is signed.</summary>
public interface IPayloadMapping
{
    /// <summary>The name a profile refers to in <c>RegulatorProfile.MappingName</c>.</summary>
    string Name { get; }

    void Adjust(RecordKind kind, JsonObject payload);
}
