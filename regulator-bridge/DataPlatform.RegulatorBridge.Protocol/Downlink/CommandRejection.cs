namespace DataPlatform.RegulatorBridge.Downlink;

/// <summary>A refusal with a stable reason and a Chinese message for the receipt and the operator's log.</summary>
/// <remarks><paramref name="CommandId"/>: The command id when it could be read (for the receipt), else null.</remarks>
public sealed record CommandRejection(CommandRejectionReason Reason, string Message, string? CommandId)
{
    public override string ToString() => $"{Reason}: {Message}";
}
