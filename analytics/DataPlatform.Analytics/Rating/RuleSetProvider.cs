using DataPlatform.Rating.Rules;
using Microsoft.Extensions.Options;

namespace DataPlatform.Analytics.Rating;

/// <summary>The shipped rule sets plus the plant's own files under <see cref="RatingOptions.RuleSetsPath"/>; a bad
/// file fails loudly with its name rather than being skipped.</summary>
public sealed class RuleSetProvider(IOptions<RatingOptions> options)
{
    private readonly Lazy<RuleSetCatalog> _catalog = new(() => Load(options.Value));

    public RuleSetCatalog Catalog => _catalog.Value;

    public RuleSet Get(string? id)
    {
        var wanted = string.IsNullOrWhiteSpace(id) ? options.Value.DefaultRules : id;
        return Catalog.Find(wanted) ?? throw new UnknownRuleSetException(wanted, Catalog.All.Select(s => s.Id));
    }

    private static RuleSetCatalog Load(RatingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RuleSetsPath)) return RuleSetCatalog.Shipped;
        if (!Directory.Exists(options.RuleSetsPath))
            throw new DirectoryNotFoundException($"Analytics:Rating:RuleSetsPath '{options.RuleSetsPath}' does not exist");
        var extra = Directory.GetFiles(options.RuleSetsPath, "*.json").Order(StringComparer.Ordinal)
            .Select(f => RuleSetCatalog.Parse(File.ReadAllText(f), f)).ToList();
        return RuleSetCatalog.Shipped.With(extra);
    }
}
