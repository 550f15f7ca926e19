namespace DataPlatform.Simulation.History;

/// <summary>A heavy-pollution alert declared for whole China days [<paramref name="From"/>, <paramref name="To"/>).</summary>
/// <remarks><paramref name="Level"/>: "orange" or "red" (the control command's level word).</remarks>
public sealed record AlertEpisode(DateOnly From, DateOnly To, string Level)
{
    public bool Covers(DateOnly day) => day >= From && day < To;
}
