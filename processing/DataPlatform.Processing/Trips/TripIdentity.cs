using DataPlatform.Ledger;

namespace DataPlatform.Processing.Trips;

/// <summary>A trip's id follows from its entry passage alone, so every run of the job (in any process) writes the
/// same trip under the same id, and the row closes in place when the exit arrives.</summary>
public static class TripIdentity
{
    public static Guid For(Guid entryPassageId)
    {
        return DeterministicGuid.For($"trip\n{entryPassageId:D}");
    }
}
