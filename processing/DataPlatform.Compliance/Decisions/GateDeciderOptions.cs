namespace DataPlatform.Compliance.Decisions;

/// <param name="HazmatRequiresBooking">危化品车辆 (使用性质 R) must hold an active booking to enter.</param>
public sealed record GateDeciderOptions(
    UnknownVehicleHandling UnknownVehicle = UnknownVehicleHandling.ManualDuringActivePolicy,
    bool HazmatRequiresBooking = true)
{
    public static GateDeciderOptions Default { get; } = new();
}
