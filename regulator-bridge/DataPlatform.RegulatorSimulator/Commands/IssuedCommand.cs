namespace DataPlatform.RegulatorSimulator.Commands;

/// <summary>A command the platform issued, with what became of it.</summary>
/// <param name="Type">"blacklist" or "emergency".</param>
/// <param name="Data">The command's data JSON (what is signed inside each delivery's envelope).</param>
/// <param name="Forgery">Set for a deliberately bad command.</param>
/// <param name="Deliveries">How often it went out (poll answers or pushes).</param>
/// <param name="Receipts">Receipts the enterprise sent for it (or for its items, "id:n").</param>
public sealed record IssuedCommand(
    string CommandId,
    string EnterpriseCode,
    string Type,
    string Data,
    DateTimeOffset IssuedAt,
    CommandForgery? Forgery,
    int Deliveries,
    IReadOnlyList<CommandReceipt> Receipts);

/// <summary>A receipt as the enterprise reported it.</summary>
/// <param name="Status">received / executed / rejected, as sent.</param>
public sealed record CommandReceipt(string CommandId, string Status, string? Message, DateTimeOffset ReceivedAt);
