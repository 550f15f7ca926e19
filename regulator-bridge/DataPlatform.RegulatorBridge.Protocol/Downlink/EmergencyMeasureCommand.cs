using DataPlatform.Gate;

namespace DataPlatform.RegulatorBridge.Downlink;

/// <summary>An emergency measure (spec §2.8): enterprise, validity window, warning and response level, rule text
/// such as 禁止国四及以下重型柴油货车进入.</summary>
/// <remarks><paramref name="ResponseLevel"/>: 1 (I级) … 4 (IV级).</remarks>
public sealed record EmergencyMeasureCommand(
    string CommandId,
    DateTimeOffset IssuedAt,
    string EnterpriseId,
    DateTimeOffset Start,
    DateTimeOffset End,
    AlertLevel WarningLevel,
    int ResponseLevel,
    string RuleText) : RegulatorCommand(CommandId, IssuedAt);
