namespace DataPlatform.Compliance.Policies;

/// <summary>What <see cref="PolicySet.Apply"/> did.</summary>
/// <param name="Policies">The new set; the same instance when nothing changed.</param>
/// <param name="Changed">False when the command was rejected or had no effect (so it can be logged as such).</param>
/// <param name="Message">Chinese, for the command execution log.</param>
public sealed record PolicyApplyResult(PolicySet Policies, bool Changed, string Message);
