namespace DataPlatform.Compliance.Decisions;

/// <summary>What to do with a vehicle the registry does not know (its stage is unknown).</summary>
public enum UnknownVehicleHandling
{
    /// <summary>Manual check while a deny policy that could apply to it is active; allow otherwise. Default.</summary>
    ManualDuringActivePolicy = 1,

    /// <summary>Deny while a deny policy that could apply to it is active; allow otherwise.</summary>
    DenyDuringActivePolicy = 2,

    /// <summary>Always a manual check (plants that admit registered vehicles only).</summary>
    AlwaysManual = 3,

    /// <summary>Always allow; the ledger flags the passage for later registration.</summary>
    AlwaysAllow = 4,
}
