namespace DataPlatform.Compliance.Decisions;

/// <param name="RequireEntry">An exit without a recorded entry needs a look (missed camera read, tailgating).</param>
/// <param name="RequireWeighing">Goods vehicles leave weighed, so the ledger has the transported quantity.</param>
/// <param name="RequireClosedBooking">A booked trip leaves only once its booking is closed.</param>
public sealed record ExitRequirements(bool RequireEntry = true, bool RequireWeighing = true, bool RequireClosedBooking = true)
{
    public static ExitRequirements Default { get; } = new();
}
