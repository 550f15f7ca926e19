using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Processing.Commands;

/// <summary><c>vehicle.register</c>: adds the vehicle to the registry, or replaces the one with the same plate +
/// colour. Kept apart from <c>PolicyCommand</c> because <c>PolicySet.Apply</c> rejects kinds it does not know.</summary>
/// <remarks><paramref name="RegisteredBy"/>: The enterprise that registered it (the Kafka key); null when
/// platform-wide.</remarks>
public sealed record RegisterVehicleCommand(
    string CommandId, RegisteredVehicle Vehicle, DateTimeOffset Issued, string? RegisteredBy = null)
    : ControlCommand(CommandId)
{
    public override string Kind => ControlCommandKinds.VehicleRegister;

    public override string? EnterpriseId => RegisteredBy;

    public override DateTimeOffset IssuedAt => Issued;
}
