using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorSimulator.Faults;

namespace DataPlatform.RegulatorSimulator.Store;

/// <summary>What the simulated platform holds: each record id once, with counters of every attempt. Thread-safe;
/// queries return snapshots. With a data folder, accepted records and acknowledgements are appended to
/// <c>records.jsonl</c> and reloaded at start, so repeats stay dropped across restarts; the payloads then stay in that
/// file and are read back for the records a query returns (a passage's payload is a few kilobytes, an image's far more:
/// held in memory they grew the standalone process with every hour it ran).</summary>
public sealed class SimulatorStore : IDisposable
{
    private readonly Lock _gate = new();
    // With a journal, the records here carry an empty payload and _payloadLines says where the payload is.
    private readonly Dictionary<string, StoredRecord> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LineSpan> _payloadLines = new(StringComparer.Ordinal);
    // One instance of each small string and completeness verdict that records repeat (enterprise, gate, lane, mode flag,
    // profile; most records miss the same fields): a reloaded journal of an hour's simulated traffic held them once per record.
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompletenessResult> _verdicts = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly HashSet<string> _fileIds = new(StringComparer.Ordinal);
    private readonly Queue<AttemptEntry> _attempts = new();
    private readonly Dictionary<RefusalReason, long> _refused = [];
    private readonly Dictionary<string, long> _faults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byMethod = new(StringComparer.Ordinal);
    private readonly StoreJournal? _journal;
    private long _attemptCount;
    private long _accepted;
    private long _duplicates;
    private long _failedBeforeStore;
    private long _notRecords;
    private long _heartbeats;
    private long _commandsIssued;
    private long _commandDeliveries;
    private long _commandReceipts;

    /// <param name="dataDirectory">Empty or null: memory only.</param>
    public SimulatorStore(string? dataDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(dataDirectory))
        {
            _journal = new StoreJournal(Path.Combine(dataDirectory, "records.jsonl"));
            foreach (var (record, line) in _journal.Load())
            {
                _order.Add(record.RecordId);
                _records[record.RecordId] = Compact(record);
                _payloadLines[record.RecordId] = line;
                if (record.FileId is { } fileId)
                    _fileIds.Add(fileId);
            }
        }
    }

    /// <summary>The newest this many attempts are kept in <see cref="Attempts"/> (the counters count them all).</summary>
    public int MaxAttemptLog { get; init; } = 100_000;

    public int Count(RecordQuery? query = null)
    {
        lock (_gate)
            return query is null ? _records.Count : _records.Values.Count(query.Matches);
    }

    /// <summary>Stored records in first-received order, with their payloads.</summary>
    public IReadOnlyList<StoredRecord> Records(RecordQuery? query = null)
    {
        List<(StoredRecord, LineSpan)> held;
        lock (_gate)
            held = _order.Select(id => _records[id]).Where(r => query is null || query.Matches(r)).Select(r => (r, LineOf(r))).ToList();
        return held.ConvertAll(WithPayload);
    }

    /// <summary>Counts by any key, e.g. <c>CountBy(r => (r.Kind, r.Mode, r.GateId, r.Day))</c>.</summary>
    public IReadOnlyDictionary<TKey, int> CountBy<TKey>(Func<StoredRecord, TKey> key, RecordQuery? query = null) where TKey : notnull
    {
        lock (_gate)
            return _records.Values.Where(r => query is null || query.Matches(r)).GroupBy(key).ToDictionary(g => g.Key, g => g.Count());
    }

    public bool TryGet(string recordId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StoredRecord? record)
    {
        LineSpan line = default;
        lock (_gate)
            if (_records.TryGetValue(recordId, out record))
                line = LineOf(record);
        if (record is null)
            return false;
        record = WithPayload((record, line));
        return true;
    }

    /// <summary>The attempt log, oldest first.</summary>
    public IReadOnlyList<AttemptEntry> Attempts(string? recordId = null)
    {
        lock (_gate)
            return recordId is null ? _attempts.ToList() : _attempts.Where(a => a.RecordId == recordId).ToList();
    }

    public SimulatorStats Stats()
    {
        lock (_gate)
        {
            return new SimulatorStats(
                _attemptCount, _accepted, _records.Count, _duplicates, new Dictionary<RefusalReason, long>(_refused), _failedBeforeStore,
                _notRecords, _heartbeats, new Dictionary<string, long>(_faults, StringComparer.Ordinal),
                _records.Values.Count(r => r.AcknowledgedAt is not null),
                _records.Values.GroupBy(r => r.Kind.ToString()).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal),
                Interlocked.Read(ref _commandsIssued), Interlocked.Read(ref _commandDeliveries), Interlocked.Read(ref _commandReceipts),
                new Dictionary<string, long>(_byMethod, StringComparer.Ordinal));
        }
    }

    /// <summary>Stores the record unless its id is held; returns the held record either way (a held one without its
    /// payload when the store has a journal).</summary>
    internal (bool IsNew, StoredRecord Record) Store(StoredRecord candidate)
    {
        lock (_gate)
        {
            if (_records.TryGetValue(candidate.RecordId, out var held))
            {
                held = held with { Repeats = held.Repeats + 1 };
                _records[held.RecordId] = held;
                _duplicates++;
                return (false, held);
            }
            // The journal first: a record whose line could not be written is not held either.
            if (_journal is not null)
                _payloadLines[candidate.RecordId] = _journal.Append(candidate);
            _records[candidate.RecordId] = _journal is null ? candidate : Compact(candidate with { Payload = "" });
            _order.Add(candidate.RecordId);
            if (candidate.FileId is { } fileId)
                _fileIds.Add(fileId);
            _accepted++;
            return (true, candidate);
        }
    }

    /// <summary>Marked just before the success answer is written, so a client that reads the store right after
    /// the answer sees it; reverted if the write fails.</summary>
    /// <returns>Whether this call set it (false: already acknowledged earlier).</returns>
    internal bool MarkAcknowledged(string recordId, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (!_records.TryGetValue(recordId, out var held) || held.AcknowledgedAt is not null)
                return false;
            _records[recordId] = held with { AcknowledgedAt = at };
            _journal?.AppendAck(recordId, at);
            return true;
        }
    }

    /// <summary>Undoes <see cref="MarkAcknowledged"/> when the answer it anticipated could not be written.</summary>
    internal void RevertAcknowledged(string recordId, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (!_records.TryGetValue(recordId, out var held) || held.AcknowledgedAt != at)
                return;
            _records[recordId] = held with { AcknowledgedAt = null };
            _journal?.AppendAck(recordId, null);
        }
    }

    internal void Log(AttemptEntry entry)
    {
        lock (_gate)
        {
            _attemptCount++;
            var method = entry.Method ?? "?";
            _byMethod[method] = _byMethod.GetValueOrDefault(method) + 1;
            switch (entry.Result)
            {
                case AttemptResult.Refused:
                    _refused[entry.Refusal ?? RefusalReason.MalformedEnvelope] = _refused.GetValueOrDefault(entry.Refusal ?? RefusalReason.MalformedEnvelope) + 1;
                    break;
                case AttemptResult.FailedBeforeStore:
                    _failedBeforeStore++;
                    break;
                case AttemptResult.NotRecord:
                    _notRecords++;
                    break;
            }
            if (entry.Fault is { } fault)
                _faults[fault.ToString()] = _faults.GetValueOrDefault(fault.ToString()) + 1;
            _attempts.Enqueue(entry);
            while (_attempts.Count > MaxAttemptLog)
                _attempts.Dequeue();
        }
    }

    /// <summary>Whether the platform issued this file id for an uploaded image.</summary>
    public bool HasFileId(string fileId)
    {
        lock (_gate)
            return _fileIds.Contains(fileId);
    }

    internal void CountHeartbeat() => Interlocked.Increment(ref _heartbeats);

    internal void CountCommandIssued() => Interlocked.Increment(ref _commandsIssued);

    internal void CountCommandDelivery() => Interlocked.Increment(ref _commandDeliveries);

    internal void CountCommandReceipt() => Interlocked.Increment(ref _commandReceipts);

    public void Dispose() => _journal?.Dispose();

    // The record with its repeated strings and verdict shared (called under the lock, or before the store is shared).
    private StoredRecord Compact(StoredRecord r) => r with
    {
        EnterpriseCode = Shared(r.EnterpriseCode)!,
        GateId = Shared(r.GateId),
        LaneId = Shared(r.LaneId),
        ModeFlag = Shared(r.ModeFlag)!,
        Profile = Shared(r.Profile)!,
        Completeness = SharedVerdict(r.Completeness),
    };

    private string? Shared(string? text)
    {
        if (text is null) return null;
        if (_strings.TryGetValue(text, out var held)) return held;
        _strings[text] = text;
        return text;
    }

    private CompletenessResult SharedVerdict(CompletenessResult verdict)
    {
        var key = string.Join('\u001f', verdict.MissingFields) + '\u001e' + string.Join('\u001f', verdict.MissingImages);
        if (_verdicts.TryGetValue(key, out var held)) return held;
        var shared = new CompletenessResult(verdict.MissingFields.Select(f => Shared(f)!).ToArray(), verdict.MissingImages.Select(f => Shared(f)!).ToArray());
        _verdicts[key] = shared;
        return shared;
    }

    // Where a held record's payload lies in the journal (none without one). Under the lock.
    private LineSpan LineOf(StoredRecord held) => _journal is null ? default : _payloadLines[held.RecordId];

    // A record as the store holds it, its payload read back from the journal when it is kept there. Outside the lock:
    // a record's line never changes once written.
    private StoredRecord WithPayload((StoredRecord Record, LineSpan Line) held) =>
        _journal is null ? held.Record : held.Record with { Payload = _journal.PayloadAt(held.Line) };
}
