namespace DataPlatform.RegulatorBridge.Outbox;

/// <summary>
/// How long an exit passage waits for its trip (cargo and weight arrive with the trip's close) before it is sent
/// without them. The wait is taken out of the record's real-time deadline, so it must leave room for one retry: a
/// first attempt that times out (the request deadline), the longest first back-off, and a second attempt. A longer
/// configured hold is cut to that room (measured before: with a 45 s hold, 19 of 22 late acknowledgements against a
/// regulator that hung some requests were exits that had no retry left before their 60 s deadline).
/// </summary>
public static class ExitHoldPolicy
{
    /// <returns>The hold in force: <paramref name="configured"/>, at most the room a retry needs, never negative.</returns>
    public static TimeSpan Effective(TimeSpan configured, TimeSpan realTimeDeadline, TimeSpan requestDeadline, BackoffPolicy backoff)
    {
        ArgumentNullException.ThrowIfNull(backoff);
        var room = realTimeDeadline - requestDeadline - backoff.Ceiling(1) - requestDeadline;
        var hold = configured < room ? configured : room;
        return hold < TimeSpan.Zero ? TimeSpan.Zero : hold;
    }
}
