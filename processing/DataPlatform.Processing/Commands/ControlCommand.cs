namespace DataPlatform.Processing.Commands;

/// <summary>One message of <c>control.commands</c>: a policy change or a vehicle registration, with the id the
/// issuer gave it (for the command log and dead letters). <see cref="ControlCommandCodec"/> reads and writes it.</summary>
/// <param name="CommandId">Issuer-unique id, 1..64 of [A-Za-z0-9._:-].</param>
public abstract record ControlCommand(string CommandId)
{
    /// <summary>The wire kind, e.g. <c>policy.add</c> (see <see cref="ControlCommandKinds"/>).</summary>
    public abstract string Kind { get; }

    /// <summary>The enterprise the command concerns; null for platform-wide commands (a regulator's blacklist,
    /// a vehicle registered without an enterprise).</summary>
    public abstract string? EnterpriseId { get; }

    public abstract DateTimeOffset IssuedAt { get; }

    /// <summary>The Kafka key: the enterprise id, or <c>*</c> for platform-wide commands.</summary>
    public string PartitionKey => EnterpriseId ?? "*";
}
