using System.Collections.Concurrent;
using System.Threading.Channels;

namespace DataPlatform.Ingest.Journal;

/// <summary>
/// Append-only, fsynced write-ahead journal of acknowledged records, in numbered segment files. Appends are
/// group-committed: one fsync covers every record queued meanwhile, so durability costs one disk flush per
/// burst rather than per event.
/// </summary>
public sealed class IngestJournal : IAsyncDisposable
{
    private const long SegmentBytes = 64L * 1024 * 1024;

    // Segments also close by age so the compactor can drop them soon after the ledger caught up, keeping the
    // replay after a crash short.
    private static readonly TimeSpan SegmentMaxAge = TimeSpan.FromMinutes(1);
    private readonly string _directory;
    private readonly Channel<(byte[] Frame, TaskCompletionSource<long> Done)> _queue =
        Channel.CreateUnbounded<(byte[], TaskCompletionSource<long>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly IReadOnlyList<string> _previous;
    // Records handed out by AppendAsync whose publish has not been confirmed yet, per segment. Counted in the
    // writer loop before the append completes, so no segment can look finished while a record is still owed.
    private readonly ConcurrentDictionary<long, int> _unsettled = new();
    private FileStream _segment;
    private DateTime _segmentOpened = DateTime.UtcNow;
    private long _segmentNumber;

    public IngestJournal(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        _previous = SegmentFiles();
        _segmentNumber = _previous.Count == 0 ? 1 : SegmentNumber(_previous[^1]) + 1;
        _segment = Open(_segmentNumber);
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Number of the segment new appends go to.</summary>
    public long CurrentSegment => Interlocked.Read(ref _segmentNumber);

    /// <summary>Segments left by an earlier run, oldest first: their records must be replayed.</summary>
    public IEnumerable<JournalEntry> ReadPrevious()
    {
        foreach (var file in _previous)
        {
            using var stream = File.OpenRead(file);
            foreach (var entry in JournalFormat.Decode(stream)) yield return entry;
        }
    }

    /// <summary>Drops the earlier run's segments once their records are journaled again in this run.</summary>
    public void DeletePrevious()
    {
        foreach (var file in _previous) File.Delete(file);
    }

    /// <summary>Deletes a closed segment of this run whose records the ledger has taken.</summary>
    public void Delete(long segment)
    {
        if (segment >= CurrentSegment) return;
        File.Delete(PathOf(segment));
        _unsettled.TryRemove(segment, out _);
    }

    /// <summary>The record appended in <paramref name="segment"/> reached Kafka. A record never settled (its publish
    /// failed) keeps its segment until the next start replays it.</summary>
    public void Settle(long segment) => _unsettled.AddOrUpdate(segment, 0, (_, n) => n - 1);

    /// <summary>Whether every record of <paramref name="segment"/> was confirmed by Kafka.</summary>
    public bool IsSettled(long segment) => !_unsettled.TryGetValue(segment, out var n) || n == 0;

    /// <summary>Closes the current segment if it holds records and is older than the age limit, so an idle
    /// journal does not keep its last records from compaction.</summary>
    public void RollIfIdle() => _queue.Writer.TryWrite(([], new TaskCompletionSource<long>()));

    /// <summary>Completes once the record is on disk; returns the segment that holds it.</summary>
    public Task<long> AppendAsync(JournalEntry entry)
    {
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((JournalFormat.Encode(entry), done)))
            done.SetException(new ObjectDisposedException(nameof(IngestJournal)));
        return done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var pending = new List<TaskCompletionSource<long>>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            try
            {
                while (_queue.Reader.TryRead(out var item))
                {
                    if (item.Frame.Length == 0) continue; // a RollIfIdle tick
                    _segment.Write(item.Frame);
                    pending.Add(item.Done);
                }
                _segment.Flush(flushToDisk: true);
                var segment = _segmentNumber;
                if (pending.Count > 0) _unsettled.AddOrUpdate(segment, pending.Count, (_, n) => n + pending.Count);
                foreach (var done in pending) done.SetResult(segment);
                if (_segment.Length >= SegmentBytes || (_segment.Length > 0 && DateTime.UtcNow - _segmentOpened > SegmentMaxAge)) Roll();
            }
            catch (Exception ex)
            {
                foreach (var done in pending) done.TrySetException(ex);
                // A half-written frame ends what replay reads of this segment: later records go to a fresh one.
                try { Roll(); } catch (IOException) { }
            }
            pending.Clear();
        }
    }

    private void Roll()
    {
        _segment.Dispose();
        _segment = Open(Interlocked.Increment(ref _segmentNumber));
        _segmentOpened = DateTime.UtcNow;
    }

    private FileStream Open(long number) =>
        new(PathOf(number), FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16);

    private string PathOf(long number) => Path.Combine(_directory, $"journal-{number:D10}.log");

    private static long SegmentNumber(string file) =>
        long.Parse(Path.GetFileNameWithoutExtension(file)["journal-".Length..]);

    private List<string> SegmentFiles() =>
        Directory.GetFiles(_directory, "journal-*.log").OrderBy(SegmentNumber).ToList();

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        await _segment.DisposeAsync();
    }
}
