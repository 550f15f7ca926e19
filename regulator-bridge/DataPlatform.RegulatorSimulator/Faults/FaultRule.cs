using DataPlatform.RegulatorBridge.Profiles;

namespace DataPlatform.RegulatorSimulator.Faults;

/// <summary>One kind of fault with its probability per attempt. Rules of a plan are tried in order and the first
/// that fires applies, so an attempt suffers at most one fault.</summary>
public sealed class FaultRule
{
    public FaultKind Kind { get; set; } = FaultKind.Refusal;

    /// <summary>0 … 1, drawn per eligible attempt from the plan's seeded generator.</summary>
    public double Probability { get; set; }

    /// <summary>Null: the kind's default — <see cref="FaultStage.AfterStore"/> for <see cref="FaultKind.LostAck"/>,
    /// <see cref="FaultKind.DuplicateAck"/> and <see cref="FaultKind.BadResponseSignature"/>, else
    /// <see cref="FaultStage.BeforeStore"/>. LostAck and DuplicateAck are always after storing.</summary>
    public FaultStage? Stage { get; set; }

    /// <summary>Only attempts of these kinds (empty: uploads of every record kind, images included, but not
    /// heartbeats, polls or receipts unless listed).</summary>
    public List<RecordKind> Kinds { get; set; } = [];

    /// <summary>Fire at most this many times (null: unlimited); with probability 1, "the next N attempts".</summary>
    public int? Limit { get; set; }

    /// <summary>Refusal: the business error code (default 2001).</summary>
    public string Code { get; set; } = "";

    /// <summary>ServerError: the HTTP status (default 503).</summary>
    public int HttpStatus { get; set; } = 503;

    /// <summary>Timeout: how long to hold (default 5 min); SlowResponse: the delay (default 2 s).</summary>
    public TimeSpan? Delay { get; set; }

    public FaultStage EffectiveStage => Kind is FaultKind.LostAck or FaultKind.DuplicateAck
        ? FaultStage.AfterStore
        : Stage ?? (Kind == FaultKind.BadResponseSignature ? FaultStage.AfterStore : FaultStage.BeforeStore);

    public FaultRule Clone() => new()
    {
        Kind = Kind, Probability = Probability, Stage = Stage, Kinds = [.. Kinds], Limit = Limit, Code = Code,
        HttpStatus = HttpStatus, Delay = Delay,
    };
}
