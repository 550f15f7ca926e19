using System.Text.Json;
using Confluent.Kafka;
using DataPlatform.Compliance.Fusion;
using DataPlatform.Gate;
using DataPlatform.Processing.Commands;
using DataPlatform.Processing.Consuming;
using DataPlatform.Processing.Fusion;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Rejections;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.GateRaw;

/// <summary>Raw gate events → passage rows in the ledger, each screened for manual review
/// (<see cref="PassageReviewScreen"/>), then → <c>ledger.records</c> before the offsets are committed. A message that
/// no longer parses (schema drift, a producer bypassing ingest) is dead-lettered with the reason instead of blocking
/// its partition.
/// <para>
/// Reads of one passage by several devices of a lane are fused (<see cref="LaneFusion"/>): a passage is held until
/// its window closed — a later read at its lane is past the window, another read by one of its devices starts the
/// next passage, or the lane stayed quiet for <see cref="ProcessingOptions.LaneFusionIdleCloseMs"/> — and then
/// written as one row (<see cref="FusedPassageProjection"/>) with its other reads in <c>lane_reads</c>. Offsets are
/// committed no further than the oldest held read of each partition, so a crash re-reads what was held.
/// </para>
/// <para>
/// The fusion state and the chains' heads are kept in memory for the partitions this writer owns: loaded from the
/// ledger once per lane when its partition is assigned (<see cref="LaneCoverage"/>, <see cref="LaneGroupStore"/>) —
/// the previous owner's writes included — then kept by this writer, the only one writing those lanes. Whether a read
/// is already stored is still asked of the ledger for every batch (a device may re-push a read written long ago, or
/// under another pass time): same stream, same ledger.
/// </para></summary>
public sealed class GateRawConsumer(
    PassageWriter writer,
    LaneReadWriter laneReads,
    LaneGroupStore groups,
    PassageRecordPublisher records,
    DeadLetterProducer deadLetters,
    TimeProvider time,
    IOptions<KafkaOptions> kafka,
    IOptions<ProcessingOptions> options,
    ILogger<GateRawConsumer> logger,
    IVehicleRegistrySource registry,
    LedgerPathTimings timings) : BatchConsumer(Topics.GateRaw, kafka, options, logger)
{
    // Closed groups older than this behind their lane's newest read are dropped from memory; the ledger has them.
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(10);

    private readonly Compliance.Plates.ReconcilerOptions _review = options.Value.ReviewOptions();
    private readonly TimeSpan _idleClose = TimeSpan.FromMilliseconds(options.Value.LaneFusionIdleCloseMs);
    private readonly LaneFusion _fusion = new(options.Value.LaneFusionWindow());
    private readonly LaneCoverage _coverage = new();
    private readonly Dictionary<string, HeldRead> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<LaneGroup, DateTime> _lastArrival = [];
    private readonly Dictionary<TopicPartition, Offset> _handledUpTo = [];
    private readonly HashSet<TopicPartition> _advanced = [];
    // Closed but not yet stored (a failed write is retried with the batch, whose reads are duplicates by then).
    private readonly List<LaneGroup> _unwritten = [];
    private readonly List<(HeldRead Read, LaneGroup Group)> _unwrittenLate = [];
    // Event ids of e-tag reads that no camera read came near, not yet written.
    private readonly List<string> _unmatchedTags = [];

    protected override async Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        var reads = new List<HeldRead>(batch.Count);
        using (timings.Measure(LedgerPathPhase.Parse))
            foreach (var message in batch)
            {
                MarkHandled(message.TopicPartitionOffset);
                if (await ReadAsync(message, ct) is { } read) reads.Add(read);
            }
        timings.Batch(reads.Count);

        // A device's re-push can sit in the same batch as its original: the first copy is the read, the others duplicates.
        var laneOf = new Dictionary<string, LaneRead>(StringComparer.Ordinal);
        foreach (var r in reads) laneOf.TryAdd(r.Lane.EventId, r.Lane);
        using (timings.Measure(LedgerPathPhase.FusionState))
            await LoadUncoveredAsync(reads, laneOf, ct);
        HashSet<Guid> storedIds;
        using (timings.Measure(LedgerPathPhase.IdCheck))
            storedIds = await groups.StoredAsync([.. reads.Select(r => r.ReadId).Distinct()], ct);

        Fuse(reads, laneOf, storedIds, time.GetUtcNow().UtcDateTime);
        await FlushAsync(ct);
        _fusion.Forget(Remember);
        foreach (var lane in _coverage.Lanes.ToList())
            if (_fusion.ClockOf(lane) is { } clock) _coverage.Forgotten(lane, clock - Remember);
    }

    // Offers the batch's reads to the lanes' fusion: what it closes (and what quiet lanes close) is left to write.
    private void Fuse(List<HeldRead> reads, Dictionary<string, LaneRead> laneOf, HashSet<Guid> storedIds, DateTime now)
    {
        using var _ = timings.Measure(LedgerPathPhase.Fusion);
        foreach (var read in reads)
        {
            var lane = laneOf[read.Lane.EventId];
            // Already in the ledger under another pass time (a re-push after a clock fix): nothing to add.
            if (storedIds.Contains(read.ReadId) && !_fusion.Knows(lane.EventId)) continue;
            var step = _fusion.Offer(lane);
            _unwritten.AddRange(step.Closed);
            _unmatchedTags.AddRange(step.Unmatched.Select(t => t.EventId));
            switch (step.Kind)
            {
                case FusionStepKind.Started or FusionStepKind.Joined:
                    _held[lane.EventId] = read;
                    _lastArrival[step.Group!] = now;
                    break;
                case FusionStepKind.Waiting:
                    _held[lane.EventId] = read with { ArrivedAt = now };
                    break;
                case FusionStepKind.JoinedLate:
                    _unwrittenLate.Add((read, step.Group!));
                    break;
            }
        }
        _unwritten.AddRange(Quiet(now));
    }

    // The lanes whose reads reach outside what memory holds of them (first reads since their partition was assigned,
    // a read older than memory keeps) are loaded from the ledger, from the earliest such read's window on.
    private async Task LoadUncoveredAsync(List<HeldRead> reads, Dictionary<string, LaneRead> laneOf, CancellationToken ct)
    {
        var from = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var partitionOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var read in reads)
        {
            var lane = laneOf[read.Lane.EventId];
            if (_coverage.Covers(lane.LaneKey, lane.PassTime, _fusion.Window)) continue;
            var start = lane.PassTime - _fusion.Window;
            from[lane.LaneKey] = from.TryGetValue(lane.LaneKey, out var earlier) && earlier < start ? earlier : start;
            partitionOf[lane.LaneKey] = read.Source.Partition.Value;
        }
        if (from.Count == 0) return;
        var stored = await groups.LoadAsync(from, ct);
        foreach (var group in stored.Groups)
            if (!_fusion.Knows(group.Survivor.EventId)) _fusion.Load(group);
        foreach (var (lane, start) in from) _coverage.Loaded(lane, partitionOf[lane], start, DateTime.MaxValue);
        // A load fills up in a synthetic flood (thousands of passages of one lane in a few seconds), or when a rebalance
        // redelivers a backlog from far behind what was written: the reads near the start are loaded, and the per-batch
        // id check still keeps every stored read from being written again.
        foreach (var lane in stored.Truncated)
            logger.LogWarning("Lane {Lane} holds more than {Limit} passages from {From:O} (a flood, or a backlog redelivered after a rebalance): its fusion state is loaded from the first {Limit}",
                lane, LaneGroupStore.MaxPerLane, from[lane], LaneGroupStore.MaxPerLane);
    }

    // A partition that changes hands may be written by another writer in between: what memory holds of its lanes, and
    // of their chains' heads, is loaded again once it is back.
    protected override void PartitionsAssigned(IReadOnlyList<TopicPartition> partitions) => Release(partitions);

    protected override void PartitionsRevoked(IReadOnlyList<TopicPartition> partitions) => Release(partitions);

    private void Release(IReadOnlyList<TopicPartition> partitions)
    {
        _coverage.Drop(partitions.Select(p => p.Partition.Value));
        writer.ForgetOwnedChains();
    }

    // One message of gate.raw: a camera's gate event or a lane's e-tag read; anything else is dead-lettered.
    private async Task<HeldRead?> ReadAsync(ConsumeResult<string, byte[]> message, CancellationToken ct)
    {
        string code, reason;
        if (LaneTagRead.Is(message.Message.Value))
        {
            try
            {
                var tag = LaneTagRead.FromJson(message.Message.Value);
                return new HeldRead(FusedPassageProjection.ToRead(tag), FusedPassageProjection.ReadId(tag), null, null, tag, message.TopicPartitionOffset);
            }
            catch (JsonException ex)
            {
                (code, reason) = ("invalid-tag-read", ex.Message);
            }
        }
        else
        {
            // Ingest enforced its own size limit when it accepted the event; a larger configured limit must not turn
            // an acknowledged event into a dead letter here.
            var parsed = GateEventCodec.Parse(message.Message.Value, time.GetUtcNow(), int.MaxValue);
            if (parsed.Event is { } gateEvent)
            {
                var row = PassageProjection.ToRow(gateEvent);
                return new HeldRead(FusedPassageProjection.ToRead(row), row.PassageId, gateEvent, row, null, message.TopicPartitionOffset);
            }
            (code, reason) = (parsed.Rejection!.Code, parsed.Rejection.Reason);
        }
        await deadLetters.SendAsync(new DeadLetter(
            DeadLetterIds.For(message.TopicPartitionOffset), time.GetUtcNow(), "processing", message.Topic,
            code, reason, message.Message.Value), ct);
        return null;
    }

    protected override async Task<bool> IdleAsync(CancellationToken ct)
    {
        _unwritten.AddRange(Quiet(time.GetUtcNow().UtcDateTime));
        if (_unwritten.Count == 0 && _unwrittenLate.Count == 0 && _unmatchedTags.Count == 0) return false;
        await FlushAsync(ct);
        return true;
    }

    /// <summary>Per partition: past everything handled, but not past the oldest read still held.</summary>
    protected override IReadOnlyList<TopicPartitionOffset> Committable(IReadOnlyList<ConsumeResult<string, byte[]>> handled)
    {
        foreach (var message in handled) _advanced.Add(message.TopicPartition);
        var held = _held.Values.GroupBy(h => h.Source.TopicPartition).ToDictionary(g => g.Key, g => g.Min(h => h.Source.Offset.Value));
        var result = new List<TopicPartitionOffset>();
        foreach (var partition in _advanced)
        {
            if (!_handledUpTo.TryGetValue(partition, out var upTo)) continue;
            var next = held.TryGetValue(partition, out var oldest) ? Math.Min(oldest, upTo.Value) : upTo.Value;
            result.Add(new TopicPartitionOffset(partition, next));
        }
        _advanced.Clear();
        return result;
    }

    private void MarkHandled(TopicPartitionOffset source)
    {
        if (!_handledUpTo.TryGetValue(source.TopicPartition, out var upTo) || upTo.Value <= source.Offset.Value)
            _handledUpTo[source.TopicPartition] = source.Offset.Value + 1;
    }

    // Groups and waiting e-tag reads of lanes that stayed quiet: written (the tags as unmatched).
    private List<LaneGroup> Quiet(DateTime now)
    {
        var quiet = _lastArrival.Where(a => !a.Key.Closed && now - a.Value >= _idleClose).Select(a => a.Key).ToList();
        foreach (var group in quiet) LaneFusion.Close(group);
        _unmatchedTags.AddRange(_fusion.ExpireTags(t => _held.TryGetValue(t.EventId, out var h) && now - h.ArrivedAt >= _idleClose)
            .Select(t => t.EventId));
        return quiet;
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        var closed = _unwritten.Distinct().ToList();
        var (passages, fusedReads, unmatched) = Project(closed);
        // The reads first: if the passage insert then fails, they are not counted as stored (their passage is not) and
        // the group is rebuilt and written again, alike.
        IReadOnlyList<PassageRow> written;
        using (timings.Measure(LedgerPathPhase.LedgerWrites))
        {
            if (fusedReads.Count > 0) await laneReads.WriteAsync(fusedReads, ct);
            written = await writer.WriteNewOwnedAsync(passages, ct);
        }
        if (written.Count < passages.Count)
            logger.LogDebug("{Skipped} passages were already in the ledger (re-pushed by a device or redelivered)", passages.Count - written.Count);
        using (timings.Measure(LedgerPathPhase.Publish))
            await records.PublishAsync(passages, written, ct);
        foreach (var group in closed)
        {
            _lastArrival.Remove(group);
            foreach (var read in group.Reads) Release(read.EventId);
        }
        foreach (var id in unmatched) Release(id);
        _unwritten.Clear();
        _unwrittenLate.Clear();
        _unmatchedTags.Clear();
    }

    // The closed groups as passage rows, their other reads (and late and unmatched e-tag reads) as lane_reads rows.
    private (List<PassageRow> Passages, List<LaneReadRow> FusedReads, List<string> Unmatched) Project(List<LaneGroup> closed)
    {
        using var _ = timings.Measure(LedgerPathPhase.Projection);
        var passages = new List<PassageRow>(closed.Count);
        var fusedReads = new List<LaneReadRow>();
        foreach (var group in closed)
        {
            var held = group.SealedReads.Select(r => _held[r.EventId]).ToList();
            var cameras = held.Where(h => h.Event is not null)
                .ToDictionary(h => h.Lane.EventId, h => (h.Event!, h.Row!), StringComparer.Ordinal);
            var tags = held.Where(h => h.Tag is not null).ToDictionary(h => h.Lane.EventId, h => h.Tag!, StringComparer.Ordinal);
            var (passage, others) = FusedPassageProjection.Project(group, cameras, tags, registry.Registry, _review);
            passages.Add(passage);
            fusedReads.AddRange(others);
            group.SettledPlate = passage.PlateNo;
        }
        // After the passages above are settled: a late read is compared with the plate its passage was written with.
        fusedReads.AddRange(_unwrittenLate.Select(l => l.Read.Tag is { } tag
            ? FusedPassageProjection.Late(tag, l.Group) : FusedPassageProjection.Late(l.Read.Row!, l.Group)));
        var unmatched = _unmatchedTags.Distinct().Where(_held.ContainsKey).ToList();
        fusedReads.AddRange(unmatched.Select(id => FusedPassageProjection.Unmatched(_held[id].Tag!)));
        return (passages, fusedReads, unmatched);
    }

    private void Release(string eventId)
    {
        if (_held.Remove(eventId, out var held)) _advanced.Add(held.Source.TopicPartition);
    }

    /// <summary>A read held until its passage is written: a camera's (<see cref="Event"/>, <see cref="Row"/>) or an e-tag
    /// read (<see cref="Tag"/>).</summary>
    /// <remarks><paramref name="ReadId"/>: Its id in the ledger: the passage id it would have, or its
    /// <c>lane_reads.read_id</c>.</remarks>
    private sealed record HeldRead(LaneRead Lane, Guid ReadId, GateEvent? Event, PassageRow? Row, LaneTagRead? Tag, TopicPartitionOffset Source)
    {
        /// <summary>For a waiting e-tag read: when it arrived (a quiet lane gives it up after the idle close).</summary>
        public DateTime ArrivedAt { get; init; }
    }
}
