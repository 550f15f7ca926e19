using DataPlatform.Gate;

namespace DataPlatform.Simulation.NationalPlatform;

/// <summary>One record of the simulated national vehicle/machinery environmental information platform, in its
/// wire shape (camelCase JSON; codes as in HJ 1321).</summary>
public sealed record NationalPlatformRecord(
    string? Vin,
    string? PlateNo,
    string? PlateColor,
    string? RegistrationCode,
    string Stage,
    string Fuel,
    string? VehicleType,
    string? MachineryKind,
    string? Model,
    string? EngineModel,
    string? EngineMaker,
    string? UseNature,
    string? Owner)
{
    /// <summary>注册登记日期, <c>yyyy-MM-dd</c>; null when the platform does not list one.</summary>
    public string? RegisterDate { get; init; }

    /// <summary>A fleet vehicle as the national platform would list it (model, engine and register date derived
    /// from the VIN and stage so the data is deterministic).</summary>
    public static NationalPlatformRecord Of(SimulatedVehicle v) => new(
        v.Vin, v.Plate, v.PlateColor, null, v.Stage.InternalCode, v.Fuel.Code, v.VehicleType, null,
        $"SIM{v.VehicleType}{v.Vin[^4..]}", $"E{v.Vin[3..7]}", "模拟发动机厂", v.UseNature.Code, v.Carrier)
    {
        RegisterDate = SimulatedRegisterDates.Of(v).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
