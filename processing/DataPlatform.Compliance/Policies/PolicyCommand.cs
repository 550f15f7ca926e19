namespace DataPlatform.Compliance.Policies;

/// <summary>An update to the policy set, as received from the regulator's downlink or the plant's console.
/// <see cref="PolicySet.Apply"/> is pure, so the gate process can fold the command log into its snapshot live
/// and rebuild the same snapshot after a restart.</summary>
/// <param name="IssuedAt">When the command was issued; the set's <see cref="PolicySet.AsOf"/> is the latest one.</param>
public abstract record PolicyCommand(DateTimeOffset IssuedAt);
