using System.Globalization;
using System.Text;

namespace DataPlatform.Simulation.History;

/// <summary>What only the simulator knows — which trucks smoke, what was planted where — written to a separate file
/// for evaluation. Never sent to the platform: no model can see it.</summary>
/// <remarks><paramref name="Planted"/>: kind (cloned-plate, guard-override, night-burst) → subject and China
/// time.</remarks>
public sealed record HistoryLabels(int Seed, string Profile, IReadOnlySet<string> Smokers, IReadOnlyList<PlantedAnomaly> Planted, IReadOnlyList<AlertEpisode> Alerts)
{
    /// <summary>CSV: <c>kind,subject,at,detail</c>; kinds smoker, cloned-plate, guard-override, night-burst, alert.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder("# simulator labels — never visible to the platform's models\n");
        text.Append(CultureInfo.InvariantCulture, $"# profile={Profile} seed={Seed}\nkind,subject,at,detail\n");
        foreach (var plate in Smokers.Order(StringComparer.Ordinal)) text.Append(CultureInfo.InvariantCulture, $"smoker,{plate},,\n");
        foreach (var p in Planted) text.Append(CultureInfo.InvariantCulture, $"{p.Kind},{p.Subject},{p.At:yyyy-MM-ddTHH:mm:sszzz},{p.Detail}\n");
        foreach (var a in Alerts) text.Append(CultureInfo.InvariantCulture, $"alert,{a.Level},{a.From:yyyy-MM-dd},until {a.To:yyyy-MM-dd}\n");
        return text.ToString();
    }

    /// <summary>Reads <see cref="ToCsv"/>'s smokers and planted anomalies back.</summary>
    public static (IReadOnlySet<string> Smokers, IReadOnlyList<(string Kind, string Subject)> Planted) ReadCsv(string csv)
    {
        var smokers = new HashSet<string>(StringComparer.Ordinal);
        var planted = new List<(string, string)>();
        foreach (var line in csv.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#' && !l.StartsWith("kind,", StringComparison.Ordinal)))
        {
            var parts = line.Split(',');
            if (parts.Length < 2) throw new FormatException($"labels line '{line}': expected kind,subject,at,detail");
            if (parts[0] == "smoker") smokers.Add(parts[1]);
            else if (parts[0] != "alert") planted.Add((parts[0], parts[1]));
        }
        return (smokers, planted);
    }
}

/// <summary>An anomaly the simulator planted on purpose.</summary>
public sealed record PlantedAnomaly(string Kind, string Subject, DateTimeOffset At, string Detail);
