namespace DataPlatform.RegulatorBridge.Downlink;

/// <summary>Either every command of the message (a message is accepted or refused whole) or the rejection.</summary>
public sealed record CommandParseResult(IReadOnlyList<RegulatorCommand> Commands, CommandRejection? Rejection)
{
    public bool IsAccepted => Rejection is null;

    public static CommandParseResult Accept(IReadOnlyList<RegulatorCommand> commands) => new(commands, null);

    public static CommandParseResult Reject(CommandRejectionReason reason, string message, string? commandId = null) =>
        new([], new CommandRejection(reason, message, commandId));
}
