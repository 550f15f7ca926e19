using DataPlatform.Gate;

namespace DataPlatform.RegulatorSimulator.Commands;

/// <summary>An emergency measure for one enterprise (spec §2.8); the response level follows the warning level.</summary>
/// <remarks><paramref name="EnterpriseCode"/>: null: the configured enterprise.</remarks>
public sealed record EmergencyMeasureOrder(
    AlertLevel WarningLevel,
    DateTimeOffset Start,
    DateTimeOffset End,
    string RuleText,
    string? EnterpriseCode = null);
