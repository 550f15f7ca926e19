namespace DataPlatform.Processing.LedgerRecords;

/// <summary>What a closed trip adds to its exit passage's record (spec §1.1 运输货物名称, 运输量 from the weighbridge).</summary>
/// <remarks><paramref name="NetKg"/>: Net weight, or null when the trip was not weighed (an empty truck, a missing
/// weighing).</remarks>
public sealed record ExitLoad(Guid TripId, Guid ExitPassageId, ulong TripVersion, string CargoName, int? NetKg)
{
    /// <summary>运输量 in tonnes, one decimal (half away from zero), capped at the field's 999.9.</summary>
    public decimal? CargoWeightT => NetKg is { } kg
        ? Math.Min(999.9m, Math.Round(Math.Abs(kg) / 1000m, 1, MidpointRounding.AwayFromZero))
        : null;

    /// <summary>The version of the exit's record with this load after <paramref name="resolutions"/> review resolutions:
    /// above the trip's own publication, and above it again with every later resolution.</summary>
    public ulong RecordVersion(ulong resolutions) => TripVersion + resolutions;
}
