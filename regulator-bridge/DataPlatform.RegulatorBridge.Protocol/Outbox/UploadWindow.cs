namespace DataPlatform.RegulatorBridge.Outbox;

/// <summary>
/// How many uploads may start now: a sliding window, not rounds — a request that is answered frees its slot at once,
/// so one slow request never holds back the others. A request still unanswered after <see cref="SlowAfter"/> (a
/// platform that holds it until the client's deadline) stops counting against <see cref="MaxInFlight"/> and holds
/// only its own connection; <see cref="MaxOutstanding"/> bounds all requests out at once, slow ones included. So a
/// platform that hangs a share of requests costs about that share of throughput, where rounds of
/// <see cref="MaxInFlight"/> waited for the slowest request's deadline every time.
/// </summary>
/// <param name="MaxInFlight">Requests answered at the usual pace that may be out at once.</param>
/// <param name="SlowAfter">After this long unanswered a request no longer counts against <paramref name="MaxInFlight"/>.</param>
/// <param name="MaxOutstanding">All requests out at once (≥ <paramref name="MaxInFlight"/>): connections the platform
/// sees from this bridge.</param>
public sealed record UploadWindow(int MaxInFlight, TimeSpan SlowAfter, int MaxOutstanding)
{
    /// <summary>The least worth one pass — a quarter of the window, at least one: while requests at the usual pace are
    /// out, new ones start once this many slots are free (each start is a planning pass over the queue), and answers are
    /// stored together once this many are in (one store round trip per batch).</summary>
    public int Batch => Math.Max(1, MaxInFlight / 4);

    /// <summary>Requests out that still count against <see cref="MaxInFlight"/> at <paramref name="now"/>.</summary>
    public int Counting(IEnumerable<DateTimeOffset> startedAt, DateTimeOffset now) => startedAt.Count(s => now - s < SlowAfter);

    /// <summary>How many more requests may start at <paramref name="now"/>, given when the ones out were started.</summary>
    public int Free(IReadOnlyCollection<DateTimeOffset> startedAt, DateTimeOffset now) =>
        Math.Max(0, Math.Min(MaxInFlight - Counting(startedAt, now), MaxOutstanding - startedAt.Count));

    /// <summary>When the next request out turns slow and frees a slot of the window; null when none will.</summary>
    public DateTimeOffset? NextSlot(IEnumerable<DateTimeOffset> startedAt, DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var s in startedAt)
            if (now - s < SlowAfter && (next is null || s + SlowAfter < next))
                next = s + SlowAfter;
        return next;
    }
}
