using DataPlatform.Ledger;

namespace DataPlatform.Processing.Passages;

/// <summary>
/// Derives the passage id from the event itself, so a redelivered or re-pushed event maps to the same ledger
/// row whatever process handles it. Enterprise and gate are part of the input because device event ids are
/// only unique per device installation.
/// </summary>
public static class PassageIdentity
{
    public static Guid For(string enterpriseId, string gateId, string eventId)
    {
        return DeterministicGuid.For($"passage\n{enterpriseId}\n{gateId}\n{eventId}");
    }
}
