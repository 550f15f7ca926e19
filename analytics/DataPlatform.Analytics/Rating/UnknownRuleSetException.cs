namespace DataPlatform.Analytics.Rating;

/// <summary>A rule set id that no shipped or configured rule set has; the message lists the known ones.</summary>
public sealed class UnknownRuleSetException(string id, IEnumerable<string> known)
    : Exception($"未知规则集 unknown rule set '{id}'; known: {string.Join(", ", known)}");
