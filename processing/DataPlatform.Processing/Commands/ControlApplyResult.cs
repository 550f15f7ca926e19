namespace DataPlatform.Processing.Commands;

/// <summary>What <see cref="PolicyStore.Apply"/> did.</summary>
/// <remarks>
/// <para><paramref name="Changed"/>: False for a command without effect (removing a policy that does not exist).</para>
/// <para><paramref name="Message"/>: Chinese, for the command execution log.</para>
/// </remarks>
public sealed record ControlApplyResult(bool Changed, string Message, long Version);
