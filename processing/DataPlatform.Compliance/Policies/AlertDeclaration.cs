using DataPlatform.Gate;

namespace DataPlatform.Compliance.Policies;

/// <summary>From <paramref name="Since"/> on, the enterprise is under <paramref name="Level"/> (null: alert lifted),
/// until the next declaration. Kept as history so the level at any instant is a pure lookup.</summary>
public sealed record AlertDeclaration(string EnterpriseId, AlertLevel? Level, DateTimeOffset Since);
