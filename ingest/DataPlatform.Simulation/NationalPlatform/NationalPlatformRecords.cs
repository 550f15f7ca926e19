using DataPlatform.Gate;
using DataPlatform.Processing.Registers.National;

namespace DataPlatform.Simulation.NationalPlatform;

/// <summary>The simulated national vehicle/machinery environmental information platform's records. They are
/// <see cref="NationalVehicleInfo"/>, the wire shape processing's client reads (camelCase JSON; codes as in HJ 1321),
/// so the simulator serves exactly what the client expects and one type describes it.</summary>
public static class NationalPlatformRecords
{
    /// <summary>A fleet vehicle as the national platform would list it (model, engine and register date derived
    /// from the VIN and stage so the data is deterministic).</summary>
    public static NationalVehicleInfo Of(SimulatedVehicle v) => new(
        v.Vin, v.Plate, v.PlateColor, null, v.Stage.InternalCode, v.Fuel.Code, v.VehicleType, null,
        $"SIM{v.VehicleType}{v.Vin[^4..]}", $"E{v.Vin[3..7]}", "模拟发动机厂", v.UseNature.Code, v.Carrier)
    {
        RegisterDate = SimulatedRegisterDates.Of(v).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
