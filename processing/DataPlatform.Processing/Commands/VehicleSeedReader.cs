using System.Text.Json;
using System.Text.Json.Serialization;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;

namespace DataPlatform.Processing.Commands;

/// <summary>Configuration seed → registry. A bad entry is reported and skipped: the vehicle then counts as
/// unregistered (manual check during alerts), which is safer than refusing to start the gate.</summary>
public static class VehicleSeedReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static VehicleRegistry Read(IEnumerable<VehicleSeed> seeds, Action<int, Rejection> onRejected)
    {
        var registry = VehicleRegistry.Empty;
        var index = 0;
        foreach (var seed in seeds)
        {
            try
            {
                var fields = new JsonFields(JsonSerializer.SerializeToElement(seed, Json), $"Processing:Vehicles:{index}");
                var vehicle = ControlCommandReader.ReadVehicle(fields);
                fields.EnsureAllUsed();
                registry = registry.With(vehicle);
            }
            catch (CommandFormatException ex)
            {
                onRejected(index, new Rejection(ex.Code, ex.Message));
            }
            index++;
        }
        return registry;
    }
}
