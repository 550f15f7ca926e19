namespace DataPlatform.Compliance.Policies;

public sealed record RemovePolicy(string PolicyId, DateTimeOffset IssuedAt) : PolicyCommand(IssuedAt);
