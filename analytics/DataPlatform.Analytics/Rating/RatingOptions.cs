using System.ComponentModel.DataAnnotations;

namespace DataPlatform.Analytics.Rating;

/// <summary>The rating's settings, bound from <c>Analytics:Rating</c>.</summary>
public sealed class RatingOptions
{
    /// <summary>Rule set used when a command names none (<c>general</c>, <c>steel-long</c>, …).</summary>
    [Required]
    public string DefaultRules { get; set; } = DataPlatform.Rating.Rules.RuleSetCatalog.DefaultId;

    /// <summary>Optional folder of extra rule-set JSON files (same shape as the shipped ones); a file with the id of
    /// a shipped set replaces it.</summary>
    public string? RuleSetsPath { get; set; }

    /// <summary>How often the refresh job recomputes the days whose ledger rows changed (late data, reviews,
    /// register corrections, imports). Late data shows in the figures within this interval.</summary>
    [Range(10, 86_400)]
    public int RefreshIntervalSeconds { get; set; } = 60;

    /// <summary>Whether the analytics role runs the refresh job (off for one-shot CLI hosts).</summary>
    public bool RefreshEnabled { get; set; } = true;
}
