using DataPlatform.Gate;

namespace DataPlatform.Simulation;

/// <summary>
/// When a simulated vehicle was registered (注册登记日期), as the national platform lists it. A vehicle is registered
/// while its emission stage was the one new vehicles had to meet, so the date falls in its stage's era (heavy diesel's
/// national dates: 国三 from 2008-07, 国四 2013-07, 国五 2017-07, 国六 2021-07); where in the era is fixed by the VIN
/// (a stable hash, no draw from the simulator's random streams: every seeded output stays as it was). Older within
/// its era = <see cref="EraAge"/> near 1. Pure.
/// </summary>
public static class SimulatedRegisterDates
{
    /// <summary>The newest date handed out, before any simulated history (which ends at the run's China day).</summary>
    public static readonly DateOnly Newest = new(2025, 6, 30);

    public static DateOnly Of(SimulatedVehicle vehicle)
    {
        var (from, to) = Era(vehicle.Stage);
        var span = to.DayNumber - from.DayNumber;
        return to.AddDays(-(int)Math.Round(EraAge(vehicle) * span));
    }

    /// <summary>0 = registered at the end of its stage's era (the newest of its kind), 1 = at its start (the oldest).</summary>
    public static double EraAge(SimulatedVehicle vehicle) => Fnv1a(vehicle.Vin) / (double)uint.MaxValue;

    private static (DateOnly From, DateOnly To) Era(EmissionStage stage) => stage switch
    {
        EmissionStage.Guo0 or EmissionStage.Guo1 or EmissionStage.Guo2 => (new(2004, 7, 1), new(2008, 6, 30)),
        EmissionStage.Guo3 => (new(2008, 7, 1), new(2013, 6, 30)),
        EmissionStage.Guo4 => (new(2013, 7, 1), new(2017, 6, 30)),
        EmissionStage.Guo5 => (new(2017, 7, 1), new(2021, 6, 30)),
        EmissionStage.Electric => (new(2018, 1, 1), Newest),
        _ => (new(2021, 7, 1), Newest),
    };

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = unchecked((hash ^ c) * 16777619u);
        return hash;
    }
}
