namespace DataPlatform.Compliance.Decisions;

/// <remarks><paramref name="HazmatRequiresBooking"/>: 危化品车辆 (使用性质 R) must hold an active booking to enter.</remarks>
public sealed record GateDeciderOptions(
    UnknownVehicleHandling UnknownVehicle = UnknownVehicleHandling.ManualDuringActivePolicy,
    bool HazmatRequiresBooking = true)
{
    public static GateDeciderOptions Default { get; } = new();
}
