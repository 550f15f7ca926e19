namespace DataPlatform.Compliance.Policies;

public sealed record AddBlacklistEntry(BlacklistEntry Entry, DateTimeOffset IssuedAt) : PolicyCommand(IssuedAt);
