namespace DataPlatform.RegulatorBridge.Outbox;

/// <summary>The per-record state machine:
/// <code>
/// Held ──(until passes)──Start / ──Release──► Pending
/// Pending ──Start──► InFlight ──Acknowledge──► Acknowledged
///    ▲                  │  └──Fail(transient)──► RetryWait ──Start (when due)──► InFlight
///    │                  └──Fail(permanent / out of attempts)──► Failed
///    └──Requeue (operator)── Failed          InFlight ──RecoverAfterRestart──► RetryWait (due now)
/// </code>
/// A late acknowledgement (TCP acks arrive asynchronously) is accepted from RetryWait and Failed too: the
/// platform holds the record, whatever we believed. Illegal transitions throw: they are bugs, not input.</summary>
public static class OutboxMachine
{
    public static OutboxEntry Start(OutboxEntry entry, DateTimeOffset now, bool platformDown)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.IsReady(now))
            throw Illegal(entry, "start", entry.State == UploadState.RetryWait ? $"not due before {entry.NextAttemptAt:O}" : null);
        return entry with
        {
            State = UploadState.InFlight,
            Attempts = entry.Attempts + 1,
            Mode = entry.Mode ?? BackfillRule.ModeFor(entry.Deadline, now, platformDown),
            FirstAttemptAt = entry.FirstAttemptAt ?? now,
            NextAttemptAt = null,
        };
    }

    public static OutboxEntry Acknowledge(OutboxEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.State switch
        {
            UploadState.Acknowledged => entry,
            UploadState.InFlight or UploadState.RetryWait or UploadState.Failed =>
                entry with { State = UploadState.Acknowledged, AcknowledgedAt = now, NextAttemptAt = null },
            _ => throw Illegal(entry, "acknowledge", "it was never sent"),
        };
    }

    public static OutboxEntry Fail(OutboxEntry entry, DateTimeOffset now, FailureKind kind, string error, BackoffPolicy backoff, Random random)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(backoff);
        if (entry.State != UploadState.InFlight)
            throw Illegal(entry, "fail", null);
        var outOfAttempts = backoff.MaxAttempts > 0 && entry.Attempts >= backoff.MaxAttempts;
        if (kind == FailureKind.Permanent || outOfAttempts)
            return entry with { State = UploadState.Failed, LastError = error, NextAttemptAt = null };
        return entry with
        {
            State = UploadState.RetryWait,
            LastError = error,
            NextAttemptAt = now + backoff.Delay(entry.Attempts, random),
        };
    }

    /// <summary>A new record that should wait (an exit passage before its trip closed) until <paramref name="until"/>;
    /// it becomes due by itself then. Its deadline is unchanged: holding never buys real-time credit.</summary>
    public static OutboxEntry Hold(OutboxEntry entry, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.State is UploadState.Pending or UploadState.Held && entry.Attempts == 0
            ? entry with { State = UploadState.Held, NextAttemptAt = until }
            : throw Illegal(entry, "hold", "only a record never attempted can be held");
    }

    /// <summary>A held record whose awaited version arrived: due now.</summary>
    public static OutboxEntry Release(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.State switch
        {
            UploadState.Held => entry with { State = UploadState.Pending, NextAttemptAt = null },
            UploadState.Pending => entry,
            _ => throw Illegal(entry, "release", "only a held record is released"),
        };
    }

    /// <summary>After a restart, an attempt that was in flight has an unknown outcome: send it again now. Safe
    /// because the platform drops repeats by record id.</summary>
    public static OutboxEntry RecoverAfterRestart(OutboxEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.State == UploadState.InFlight
            ? entry with { State = UploadState.RetryWait, NextAttemptAt = now, LastError = entry.LastError ?? "重启时请求结果未知" }
            : entry;
    }

    /// <summary>An operator sends a failed record again (after fixing the cause). Its mode stays as decided.</summary>
    public static OutboxEntry Requeue(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.State == UploadState.Failed
            ? entry with { State = UploadState.Pending, NextAttemptAt = null }
            : throw Illegal(entry, "requeue", "only failed records are requeued");
    }

    private static InvalidOperationException Illegal(OutboxEntry entry, string action, string? detail) =>
        new($"cannot {action} record {entry.RecordId} in state {entry.State}{(detail is null ? "" : ": " + detail)}");
}
