using System.Text.RegularExpressions;

namespace DataPlatform.Processing.Alarms.Rules;

/// <summary>Fills <c>{name}</c> placeholders of a rule's title. Unknown placeholders stay as written so a typo in
/// configuration shows on screen instead of silently vanishing.</summary>
public static partial class AlarmTitle
{
    public static string Render(string template, IReadOnlyDictionary<string, string> fields) =>
        Placeholder().Replace(template, m => fields.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
