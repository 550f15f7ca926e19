using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;
using DataPlatform.Gate.Registers;

namespace DataPlatform.Processing.Registers;

/// <summary>A register record as the gate's registry knows it (pure). Only records with a plate can be
/// recognised at a gate; the others stay in the register alone.</summary>
public static class RegisterVehicles
{
    public static RegisteredVehicle? ToVehicle(RegisterKind kind, IReadOnlyDictionary<string, string> fields)
    {
        string? F(string name) => fields.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        if (!PlateNumber.TryParse(F(RegisterFields.PlateNo), out var plate, out _)) return null;
        if (!FuelType.TryParse(F(RegisterFields.Fuel), out var fuel, out _)) return null;
        if (!EmissionStage.TryParse(F(RegisterFields.Stage), out var stage, out _)) return null;
        var color = PlateColor.TryParse(F(RegisterFields.PlateColor), out var c, out _) ? c : PlateColor.Unknown;
        var type = VehicleType.TryParse(F(RegisterFields.VehicleType), out var t) ? t : default;
        NonRoadMachineryKind? machinery = kind == RegisterKind.NonRoad
            ? NonRoadMachineryKind.TryParse(F(RegisterFields.MachineryKind), out var m, out _) ? m : NonRoadMachineryKind.Other
            : null;
        var use = UseNature.TryParse(F(RegisterFields.UseNature), out var u, out _)
            ? u
            : kind == RegisterKind.Road ? UseNature.Freight : UseNature.NonOperating;
        var flags = kind == RegisterKind.InPlant ? VehicleFlags.InPlant : VehicleFlags.None;
        return new RegisteredVehicle(plate, color, F(RegisterFields.Vin), type, fuel, stage, use, ObdOnline: false,
            FleetName: F(RegisterFields.Owner), flags, machinery);
    }
}
