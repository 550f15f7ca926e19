using System.Text.Json;

namespace DataPlatform.Rating.Rules;

/// <summary>The rule sets shipped as data files (<c>RuleSets/*.json</c>, embedded in this assembly), plus any a
/// plant adds (parsed with <see cref="Parse"/>; a file with an id of a shipped set replaces it).</summary>
public sealed class RuleSetCatalog
{
    /// <summary>The rule set used when none is named: general manufacturing.</summary>
    public const string DefaultId = "general";

    private readonly Dictionary<string, RuleSet> _sets;

    public RuleSetCatalog(IEnumerable<RuleSet> sets) =>
        _sets = sets.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);

    public static RuleSetCatalog Shipped { get; } = new(LoadShipped());

    public IReadOnlyCollection<RuleSet> All => _sets.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    public RuleSet? Find(string id) => _sets.GetValueOrDefault(id);

    /// <summary>A catalog with <paramref name="extra"/> added (replacing shipped sets of the same id).</summary>
    public RuleSetCatalog With(IEnumerable<RuleSet> extra) => new(_sets.Values.Where(s => !extra.Any(e => e.Id.Equals(s.Id, StringComparison.OrdinalIgnoreCase))).Concat(extra));

    /// <summary>Parses and checks one rule-set file; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static RuleSet Parse(string json, string source)
    {
        RuleSet? set;
        try
        {
            set = JsonSerializer.Deserialize(json, RatingJsonContext.Default.RuleSet);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"规则集 rule set {source}: {ex.Message}", ex);
        }
        if (set is null) throw new FormatException($"规则集 rule set {source}: empty");
        var problems = RuleSetCheck.Problems(set).ToList();
        if (problems.Count > 0) throw new FormatException($"规则集 rule set {source}: {string.Join("; ", problems)}");
        return set;
    }

    private static IEnumerable<RuleSet> LoadShipped()
    {
        var assembly = typeof(RuleSetCatalog).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return Parse(reader.ReadToEnd(), name);
        }
    }
}
