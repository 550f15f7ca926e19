using DataPlatform.Gate;

namespace DataPlatform.Compliance.Policies;

/// <summary>Declares the enterprise's alert level from <paramref name="Since"/> on; null lifts the alert.</summary>
public sealed record SetAlertLevel(string EnterpriseId, AlertLevel? Level, DateTimeOffset Since, DateTimeOffset IssuedAt)
    : PolicyCommand(IssuedAt);
