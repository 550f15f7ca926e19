namespace DataPlatform.RegulatorBridge.Downlink;

/// <summary>A verified command from the regulator's platform, in this bridge's terms. Processing's own
/// PolicyCommand is mapped from it later; keeping the two apart lets the downlink evolve per regulator without
/// touching the gate's policy model.</summary>
/// <param name="CommandId">The platform's id; commands are idempotent on it (a polled command may come twice).</param>
/// <param name="IssuedAt">The signed envelope's timestamp.</param>
public abstract record RegulatorCommand(string CommandId, DateTimeOffset IssuedAt);
