using DataPlatform.Compliance.Policies;

namespace DataPlatform.Processing.Commands;

/// <summary>The <c>kind</c> values of the control-command wire format.</summary>
public static class ControlCommandKinds
{
    public const string PolicyAdd = "policy.add";
    public const string PolicyRemove = "policy.remove";
    public const string BlacklistAdd = "blacklist.add";
    public const string BlacklistRemove = "blacklist.remove";
    public const string BookingAdd = "booking.add";
    public const string BookingCancel = "booking.cancel";
    public const string AlertSet = "alert.set";
    public const string VehicleRegister = "vehicle.register";

    public static IReadOnlyList<string> All { get; } =
        [PolicyAdd, PolicyRemove, BlacklistAdd, BlacklistRemove, BookingAdd, BookingCancel, AlertSet, VehicleRegister];

    public static string Of(PolicyCommand command) => command switch
    {
        AddPolicy => PolicyAdd,
        RemovePolicy => PolicyRemove,
        AddBlacklistEntry => BlacklistAdd,
        RemoveBlacklistEntry => BlacklistRemove,
        AddBooking => BookingAdd,
        CancelBooking => BookingCancel,
        SetAlertLevel => AlertSet,
        _ => throw new ArgumentException($"no wire kind for {command.GetType().Name}", nameof(command)),
    };
}
