using DataPlatform.Compliance.Policies;

namespace DataPlatform.Processing.Commands;

/// <summary>A <see cref="PolicyCommand"/> on the wire.</summary>
/// <remarks><paramref name="TargetEnterpriseId"/>: Only for commands that do not name their enterprise themselves
/// (<see cref="RemovePolicy"/>, <see cref="CancelBooking"/>): the key they travel under.</remarks>
public sealed record PolicyControlCommand(string CommandId, PolicyCommand Command, string? TargetEnterpriseId = null)
    : ControlCommand(CommandId)
{
    public override string Kind => ControlCommandKinds.Of(Command);

    public override string? EnterpriseId => Command switch
    {
        AddPolicy add => add.Policy.EnterpriseId,
        AddBooking add => add.Booking.EnterpriseId,
        SetAlertLevel set => set.EnterpriseId,
        AddBlacklistEntry add => add.Entry.EnterpriseId,
        RemoveBlacklistEntry remove => remove.EnterpriseId,
        _ => TargetEnterpriseId,
    };

    public override DateTimeOffset IssuedAt => Command.IssuedAt;
}
