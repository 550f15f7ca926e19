namespace DataPlatform.Compliance.Policies;

/// <summary>Adds a policy, or replaces the one with the same id.</summary>
public sealed record AddPolicy(EmergencyPolicy Policy, DateTimeOffset IssuedAt) : PolicyCommand(IssuedAt);
