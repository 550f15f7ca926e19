namespace DataPlatform.Processing.Commands;

/// <summary>What <see cref="PolicyStore.Apply"/> did.</summary>
/// <param name="Changed">False for a command without effect (removing a policy that does not exist).</param>
/// <param name="Message">Chinese, for the command execution log.</param>
public sealed record ControlApplyResult(bool Changed, string Message, long Version);
