namespace DataPlatform.RegulatorBridge.Outbox;

/// <summary>Where a record is in its upload.</summary>
public enum UploadState
{
    /// <summary>Never attempted (or requeued by an operator).</summary>
    Pending = 0,

    /// <summary>A request is out; its outcome is unknown.</summary>
    InFlight = 1,

    /// <summary>The platform holds it. Terminal.</summary>
    Acknowledged = 2,

    /// <summary>Failed transiently; due again at <c>NextAttemptAt</c>.</summary>
    RetryWait = 3,

    /// <summary>Refused permanently (or out of attempts): needs an operator; still counted as not transmitted.</summary>
    Failed = 4,

    /// <summary>Not sent yet on purpose until <c>NextAttemptAt</c>: an exit passage waiting for its trip's cargo and
    /// weight (a newer version of the record releases it earlier). Its real-time deadline runs meanwhile.</summary>
    Held = 5,
}
