namespace DataPlatform.RegulatorSimulator.Commands;

/// <summary>A command the platform issued, with what became of it.</summary>
/// <remarks>
/// <para><paramref name="Type"/>: "blacklist" or "emergency".</para>
/// <para><paramref name="Data"/>: The command's data JSON (what is signed inside each delivery's envelope).</para>
/// <para><paramref name="Forgery"/>: Set for a deliberately bad command.</para>
/// <para><paramref name="Deliveries"/>: How often it went out (poll answers or pushes).</para>
/// <para><paramref name="Receipts"/>: Receipts the enterprise sent for it (or for its items, "id:n").</para>
/// </remarks>
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
/// <remarks><paramref name="Status"/>: received / executed / rejected, as sent.</remarks>
public sealed record CommandReceipt(string CommandId, string Status, string? Message, DateTimeOffset ReceivedAt);
