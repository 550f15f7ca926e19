using DataPlatform.Ledger;

namespace DataPlatform.Processing.Weighings;

/// <summary>Derives the ledger id of a weighing from its message id, so a redelivered or re-read weighing maps to
/// the same row. The enterprise is part of the input because adapters' ids are only unique per installation.</summary>
public static class WeighingIdentity
{
    public static Guid For(string enterpriseId, string messageId)
    {
        return DeterministicGuid.For($"weighing\n{enterpriseId}\n{messageId}");
    }
}
