using System.Text.Json;
using System.Text.Json.Serialization;
using DataPlatform.Cockpit.Access;
using DataPlatform.Cockpit.Monitor;

namespace DataPlatform.Cockpit;

/// <summary>The cockpit's JSON contracts (what its pages read), source-generated.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(GateMonitorSnapshot))]
[JsonSerializable(typeof(CockpitError))]
public sealed partial class CockpitJsonContext : JsonSerializerContext;
