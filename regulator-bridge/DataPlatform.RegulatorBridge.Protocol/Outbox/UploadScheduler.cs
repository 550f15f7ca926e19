namespace DataPlatform.RegulatorBridge.Outbox;

/// <summary>Chooses which ready records to send next. Real-time records (inside their deadline) go most-urgent
/// first; the backlog goes in generation order (补传 in order), and gets a guaranteed share via
/// <see cref="FairShare"/>. Stateful only in the share's credit; feed it the outbox's ready entries each round.</summary>
public sealed class UploadScheduler
{
    private readonly FairShare _share;

    public UploadScheduler(SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _share = new FairShare(options.BackfillShare);
    }

    /// <remarks><paramref name="capacity"/>: Requests that may start now (in-flight window minus what is in flight, or
    /// the circuit breaker's capacity).</remarks>
    public IReadOnlyList<OutboxEntry> Plan(IEnumerable<OutboxEntry> entries, DateTimeOffset now, int capacity)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (capacity <= 0)
            return [];
        var realTime = new List<OutboxEntry>();
        var backlog = new List<OutboxEntry>();
        foreach (var entry in entries)
        {
            if (!entry.IsReady(now))
                continue;
            if (Classify(entry, now) == QueueKind.RealTime)
                realTime.Add(entry);
            else
                backlog.Add(entry);
        }
        realTime.Sort(static (a, b) => a.Deadline != b.Deadline ? a.Deadline.CompareTo(b.Deadline) : string.CompareOrdinal(a.RecordId, b.RecordId));
        backlog.Sort(static (a, b) => a.GeneratedAt != b.GeneratedAt ? a.GeneratedAt.CompareTo(b.GeneratedAt) : string.CompareOrdinal(a.RecordId, b.RecordId));

        var plan = new List<OutboxEntry>(Math.Min(capacity, realTime.Count + backlog.Count));
        int r = 0, b = 0;
        while (plan.Count < capacity)
        {
            var next = _share.Next(r < realTime.Count, b < backlog.Count);
            if (next is null)
                break;
            plan.Add(next == QueueKind.RealTime ? realTime[r++] : backlog[b++]);
        }
        return plan;
    }

    /// <summary>Real-time while the deadline can still be met and the record was not already sent as 补传.</summary>
    public static QueueKind Classify(OutboxEntry entry, DateTimeOffset now) =>
        entry.Mode != Records.UploadMode.Backfill && now <= entry.Deadline ? QueueKind.RealTime : QueueKind.Backlog;
}
