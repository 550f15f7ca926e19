namespace DataPlatform.Simulation.History;

/// <summary>How a simulated history is drawn (<c>simulate --history</c>).</summary>
/// <remarks><paramref name="EndDay"/>: First China day NOT simulated (default: today): the history is the
/// <paramref name="Days"/> days before it.</remarks>
public sealed record HistoryOptions(int Days, int Seed, DateOnly EndDay)
{
    /// <summary>Multiplies the profile's daily trips (0.1 = a tenth of the traffic: tests and quick demos).</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Trucking on a public holiday, relative to an ordinary day (plants keep running; hauliers rest).</summary>
    public double HolidayVolume { get; init; } = 0.35;

    /// <summary>Trips on an orange / red alert day, relative to an ordinary day (运输管控: plants cut deliveries).</summary>
    public double OrangeAlertVolume { get; init; } = 0.6;

    public double RedAlertVolume { get; init; } = 0.4;

    /// <summary>Mean days between heavy-pollution alert episodes (2–3 days each).</summary>
    public int DaysBetweenAlerts { get; init; } = 18;

    /// <summary>Share of diesel goods vehicles' entries the gate's opacity meter measures (抽检).</summary>
    public double SpotCheckShare { get; init; } = 0.04;

    /// <summary>Plant one cloned plate, one guard override and one night burst (listed in the labels file).</summary>
    public bool PlantAnomalies { get; init; } = true;

    public DateOnly FirstDay => EndDay.AddDays(-Days);
}
