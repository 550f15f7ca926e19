namespace DataPlatform.Processing.Alarms.Rules;

/// <summary>
/// One alarm rule as data, bound from <c>Processing:Alarms:Rules:N</c>. Every non-empty condition list must match
/// (AND); within a list any entry may match (OR); an empty list matches everything.
/// </summary>
public sealed class AlarmRule
{
    /// <summary>Stable slug, part of the alarm id: renaming a rule starts new alarms.</summary>
    public string Id { get; set; } = "";

    /// <summary><see cref="AlarmSources.Decision"/> or <see cref="AlarmSources.DeviceEvent"/>.</summary>
    public string Source { get; set; } = AlarmSources.Decision;

    /// <summary>Decision outcomes: allow, deny, manual.</summary>
    public List<string> Outcomes { get; set; } = [];

    /// <summary>Decision rule id prefixes, e.g. <c>blacklist</c> or <c>policy:</c>.</summary>
    public List<string> RuleIdPrefixes { get; set; } = [];

    /// <summary>Decision plate colours (wire names), e.g. <c>unknown</c> for a plate the camera could not read.</summary>
    public List<string> PlateColors { get; set; } = [];

    /// <summary>Substrings of any decision reason, e.g. 车牌未识别.</summary>
    public List<string> ReasonContains { get; set; } = [];

    /// <summary>Device event kinds: online, offline, auth_failed; for bridge status, its kinds (transmission-rate-low …).</summary>
    public List<string> DeviceEventKinds { get; set; } = [];

    /// <summary><see cref="AlarmSeverity"/> wire name.</summary>
    public string Severity { get; set; } = AlarmSeverity.Warning;

    /// <summary>Chinese title; placeholders <c>{plate} {gate} {lane} {device} {ruleText} {outcomeText} {reason}
    /// {message} {display}</c> are filled from the input, unknown ones stay as written.</summary>
    public string Title { get; set; } = "";

    /// <summary>Repeats of the same alarm (same rule and subject) within one window of this many minutes collapse
    /// into one alarm. 0: every input raises its own alarm (a redelivery still collapses).</summary>
    public int DedupeWindowMinutes { get; set; } = 10;

    /// <summary>Emission readings: the reading's opacity N (%) is above this. With <see cref="AbsorptionCoefficientAbove"/>
    /// either exceeded limit matches (a meter may report only one of the two). Null: not a condition.</summary>
    public double? OpacityPercentAbove { get; set; }

    /// <summary>Emission readings: the reading's light-absorption coefficient k (m⁻¹) is above this; GB 3847-2018
    /// free-acceleration limits are 1.2 (限值a) and 0.7 (限值b, key regions). Null: not a condition.</summary>
    public double? AbsorptionCoefficientAbove { get; set; }
}
