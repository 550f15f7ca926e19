namespace DataPlatform.RegulatorSimulator.Faults;

/// <summary>What can go wrong on the platform's side of one upload attempt.</summary>
public enum FaultKind
{
    /// <summary>A valid, signed business refusal with <see cref="FaultRule.Code"/> (default 2001 业务拒绝).</summary>
    Refusal = 1,

    /// <summary>HTTP 5xx (<see cref="FaultRule.HttpStatus"/>, default 503) with no signed body; on TCP an ack
    /// with code 5000.</summary>
    ServerError = 2,

    /// <summary>The request is held for <see cref="FaultRule.Delay"/> (default 5 min, i.e. past any client
    /// timeout) or until the client gives up, then the connection is aborted without an answer; on TCP the line
    /// is never acknowledged.</summary>
    Timeout = 3,

    /// <summary>The normal answer, after <see cref="FaultRule.Delay"/> (default 2 s). On TCP the ack comes
    /// asynchronously, after acks of later lines.</summary>
    SlowResponse = 4,

    /// <summary>HTTP: the connection is aborted (no status line); TCP: the connection is closed mid-stream.</summary>
    DropConnection = 5,

    /// <summary>The record is acknowledged twice: on TCP the ack line is written twice; on HTTP the answer says
    /// "duplicate" (the profile's duplicate code, or success with duplicate=true) for a record seen the first time.</summary>
    DuplicateAck = 6,

    /// <summary>Always after storing: the record is kept but no acknowledgement reaches the client (HTTP: the
    /// connection is aborted; TCP: no ack line).</summary>
    LostAck = 7,

    /// <summary>The answer carries a signature that does not verify with the platform's public key.</summary>
    BadResponseSignature = 8,
}
