using System.Collections.Concurrent;
using Confluent.Kafka;
using DataPlatform.Compliance.Decisions;
using DataPlatform.Gate;
using DataPlatform.Processing.Commands;
using DataPlatform.Compliance.Fusion;
using DataPlatform.Processing.Consuming;
using DataPlatform.Processing.Fusion;
using DataPlatform.Processing.Passages;
using DataPlatform.Streams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Decisions;

/// <summary>
/// <c>gate.raw</c> → gate decisions, in its own consumer group so the barrier never waits behind ledger inserts.
/// Each event is decided with the policy state current at consumption (<see cref="PolicyStore.Current"/>) and
/// the event's pass time as "now" — so a redelivered event is decided as the truck was at the gate — and the
/// decision is published at once. A second loop records published decisions in <c>gate_decisions</c> in
/// batches; a message's offset is stored (and committed by the client in the background) only after its decision was
/// acknowledged by Kafka and its row by ClickHouse, so a crash re-decides (same passage id, deduplicated) and never
/// loses a decision. No ClickHouse call is on the decision path: the decisions recorded before the partitions were
/// assigned are loaded off it (<see cref="RecordedDecisionLoad"/>), and only a read older than a day of its lane's time
/// is checked there.
/// </summary>
public sealed class GateDecisionConsumer(
    PolicyStore store,
    TripStateCache trips,
    GateDecisionWriter writer,
    DecidedLaneReads decidedReads,
    TimeProvider time,
    IOptions<KafkaOptions> kafka,
    IOptions<DecisionOptions> options,
    IOptions<ProcessingOptions> processing,
    ILogger<GateDecisionConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(2);
    // The first decision after partitions were assigned waits this long at most for the recorded decisions.
    private static readonly TimeSpan FirstDecisionWait = TimeSpan.FromSeconds(5);
    // What this process decided is remembered for a day of its lane's time. The recorded decisions cannot stand in for
    // it: a read held up for minutes of lane time (a stalled push, a camera's re-send) can arrive before its passage's
    // decision is recorded — seconds of wall time when traffic is replayed fast — and was then decided a second time.
    // A day of a busy plant's reads is a few tens of MB.
    // The recorded decisions loaded on assignment span as much: together, memory covers a day back from each lane's
    // newest read, and only a read older than that (a backlog over a day late) is checked in ClickHouse on the path.
    private static readonly TimeSpan Remember = TimeSpan.FromDays(1);
    // The same lane read fusion the ledger writer runs over the same partition order: one decision per passage.
    private readonly LaneFusion _fusion = new(processing.Value.LaneFusionWindow());
    private readonly RecordedDecisionLoad _recordedDecisions = new(decidedReads, Remember, FirstDecisionWait,
        TimeSpan.FromMilliseconds(options.Value.RetryDelayMs), logger);
    private long _corroborations;

    /// <summary>Reads that joined an already decided passage (no second barrier command) since start.</summary>
    public long Corroborations => Interlocked.Read(ref _corroborations);

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);
    private readonly ConcurrentQueue<PendingDecision> _pending = new();
    // Offsets past decisions recorded in ClickHouse: the recorder queues them, the decision loop stores them.
    private readonly ConcurrentQueue<List<TopicPartitionOffset>> _storable = new();
    private readonly GateDeciderOptions _decider = options.Value.DeciderOptions();
    private long _decided;
    private long _recorded;
    private volatile bool _draining;

    /// <summary>Decisions published since start.</summary>
    public long Decided => Interlocked.Read(ref _decided);

    /// <summary>Why the consumer stopped for good (the <c>gate_decisions</c> table dropped or altered), or null while it runs.</summary>
    public string? StoppedBy { get; private set; }

    /// <summary>True while consumption is paused because too many decisions wait to be recorded.</summary>
    public bool PausedNow { get; private set; }

    /// <summary>Reads older than the service's memory, checked against ClickHouse on the decision path, since start.</summary>
    public long OldReadChecks => Interlocked.Read(ref _oldReadChecks);
    private long _oldReadChecks;

    /// <summary>Decisions recorded in ClickHouse (new rows) since start.</summary>
    public long Recorded => Interlocked.Read(ref _recorded);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // librdkafka's Consume blocks; keep it off the thread pool.
        Task.Factory.StartNew(() => RunAsync(stoppingToken), stoppingToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        var consumerConfig = DecisionPathClients.Consumer(kafka.Value, o);
        var producerConfig = DecisionPathClients.Producer(kafka.Value, o);
        using var producer = new ProducerBuilder<string, byte[]>(producerConfig)
            .SetErrorHandler((_, e) => logger.LogDebug("Kafka producer error on {Topic}: {Reason}", Topics.GateDecisions, e.Reason))
            .Build();
        using var consumer = new ConsumerBuilder<string, byte[]>(consumerConfig)
            .SetErrorHandler((_, e) => logger.LogWarning("Kafka consumer error on {Topic}: {Reason}", Topics.GateRaw, e.Reason))
            // Called on this thread from Consume; the load itself runs on the thread pool.
            .SetPartitionsAssignedHandler((_, _) => _recordedDecisions.Start())
            .Build();
        consumer.Subscribe(Topics.GateRaw);
        using var stopRecording = new CancellationTokenSource();
        var recorder = Task.Run(() => RecordLoopAsync(producer, stopRecording.Token), CancellationToken.None);
        var paused = false;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                StoreRecorded(consumer);
                if (recorder.IsCompleted)
                    await recorder; // surfaces a recorder crash instead of deciding on without recording
                // Too much decided but not yet recorded (ClickHouse down): pause the partitions instead of stopping
                // to poll, so the member keeps its place in the group (max.poll.interval) and its partitions. The
                // pause is repeated while full because a rebalance hands out partitions unpaused.
                if (_pending.Count >= o.MaxPending)
                {
                    if (!paused)
                        logger.LogWarning("{Count} decisions wait to be recorded; pausing {Topic}", _pending.Count, Topics.GateRaw);
                    consumer.Pause(consumer.Assignment);
                    paused = true;
                }
                else if (paused && _pending.Count <= o.MaxPending / 2)
                {
                    consumer.Resume(consumer.Assignment);
                    paused = false;
                }
                PausedNow = paused;
                _recordedDecisions.ApplyTo(_fusion, beforeDecision: false);
                // Polls also while paused (returns nothing then, or a message fetched before the pause: decided).
                var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (result?.Message is null || result.IsPartitionEOF) continue;
                Decide(result, producer);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (LedgerSchemaFault.Of(ex) is { } fault)
        {
            // gate_decisions dropped or altered: retrying would never succeed, and deciding on without recording would
            // only fill memory until the pause. Stop, say so once, and leave the unrecorded decisions uncommitted:
            // once the table is restored a restart decides them again (same passage ids).
            StoppedBy = $"{LedgerSchemaFault.Describe(fault)}: {fault.Message.ReplaceLineEndings(" ")}";
            logger.LogCritical("台账表不可写入，停止闸口决策消费 {Topic}（ledger schema fault: consumer group {Group} of {Topic} stopped, "
                + "{Count} decisions left uncommitted; restore the table and restart）: {Fault}", Topics.GateRaw, o.GroupId, Topics.GateRaw, _pending.Count, StoppedBy);
            await ConsumerStoppedAlarm.PublishAsync(kafka.Value, o.GroupId, Topics.GateRaw, "gate_decisions", StoppedBy, logger);
        }
        finally
        {
            // Stopping: let the recorder finish what was decided so the next owner does not redo it.
            _draining = true;
            await Task.WhenAny(recorder, Task.Delay(DrainTimeout, CancellationToken.None));
            await stopRecording.CancelAsync();
            try { await recorder; } catch (Exception ex) when (ex is OperationCanceledException || LedgerSchemaFault.Of(ex) is not null) { }
            StoreRecorded(consumer);
            consumer.Close();
        }
    }

    private void Decide(ConsumeResult<string, byte[]> result, IProducer<string, byte[]> producer)
    {
        var parsed = GateEventCodec.Parse(result.Message.Value, time.GetUtcNow(), int.MaxValue); // ingest enforced the size limit
        if (!parsed.IsSuccess)
        {
            // The ledger writer dead-letters the same message under the same id; here it only has to be passed.
            _pending.Enqueue(new PendingDecision(result.TopicPartitionOffset, null, null, Task.CompletedTask));
            return;
        }
        var e = parsed.Event;
        if (!IsNewPassage(e))
        {
            // Another device's read of a passage already decided: recorded as a corroboration by the ledger writer
            // (lane_reads), no second decision and no second barrier command.
            _pending.Enqueue(new PendingDecision(result.TopicPartitionOffset, null, null, Task.CompletedTask));
            Interlocked.Increment(ref _corroborations);
            return;
        }
        var state = store.Current;
        // Exits need the trip (weighed, booking closed); it is handed to the pure decider as data.
        var trip = e.Direction == Direction.Out ? trips.StateFor(e, state.Policies) : TripState.Unknown;
        var decision = GateDecider.Decide(e, state.Registry, state.Policies, trip, e.PassTime, _decider);
        if (e.Direction == Direction.In && decision.Outcome != GateOutcome.Deny)
            trips.RecordEntry(e);
        else if (e.Direction == Direction.Out && decision.Outcome == GateOutcome.Allow)
            trips.RecordExit(e);
        var message = GateDecisionProjection.ToMessage(e, decision, time.GetUtcNow(), state.Version);
        var kafkaMessage = new Message<string, byte[]> { Key = message.PartitionKey, Value = message.ToJson() };
        Task published;
        try
        {
            published = producer.ProduceAsync(Topics.GateDecisions, kafkaMessage);
        }
        catch (Exception ex) when (ex is KafkaException or InvalidOperationException)
        {
            // Queue full or the like: the recorder re-publishes before recording.
            published = Task.FromException(ex);
        }
        _pending.Enqueue(new PendingDecision(result.TopicPartitionOffset, GateDecisionProjection.ToRow(message, e), kafkaMessage, published));
        Interlocked.Increment(ref _decided);
    }

    private bool IsNewPassage(GateEvent e)
    {
        var read = FusedPassageProjection.ToRead(PassageProjection.ToRow(e));
        _recordedDecisions.ApplyTo(_fusion, beforeDecision: true);
        if (OlderThanMemory(read))
        {
            // A backlog more than a day late: its passage may have been decided before the restart, or long enough ago
            // to be forgotten. Rare, so checked where it is recorded, on the path.
            Interlocked.Increment(ref _oldReadChecks);
            LoadDecided(read);
        }
        var step = _fusion.Offer(read);
        _fusion.Forget(Remember);
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("Fusion of read {EventId} ({Device}, {PassTime:O}, lane {Lane}, direction {Direction}): {Step}, group of {Survivor} with {Reads}",
                read.EventId, read.DeviceId, read.PassTime, read.LaneKey, read.Direction, step.Kind, step.Group?.Survivor.EventId,
                step.Group is null ? "" : string.Join(",", step.Group.Reads.Select(r => r.EventId)));
        return step.Kind switch
        {
            FusionStepKind.Started => true,
            // A re-pushed or redelivered event is decided again (same passage id, one row) when it was the decided read.
            FusionStepKind.Duplicate => step.Group is null || step.Group.Reads[0].EventId == read.EventId,
            _ => false,
        };
    }

    // Memory holds, per lane, what this service decided within Remember of the lane's clock (older is forgotten) and
    // the recorded decisions loaded on assignment within Remember of the lane's newest recorded one: a read near
    // (within the fusion window of) anything older is not covered.
    private bool OlderThanMemory(LaneRead read) =>
        read.PassTime < _fusion.ClockOf(read.LaneKey) - Remember
        || read.PassTime < _recordedDecisions.NewestOf(read.LaneKey) - Remember + _fusion.Window;

    // For a read older than memory: the reads already decided near it. Without ClickHouse the gate still decides (it
    // must), at worst deciding a corroborating read once more.
    private void LoadDecided(LaneRead read)
    {
        try
        {
            using var timeout = new CancellationTokenSource(LoadTimeout);
            foreach (var group in decidedReads.NearAsync(read.LaneKey, read.PassTime, _fusion.Window, timeout.Token).GetAwaiter().GetResult())
                if (!_fusion.Knows(group.Survivor.EventId)) _fusion.Load(group);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning("Loading the decided reads of lane {Lane} failed ({Reason}); deciding without them", read.LaneKey, ex.Message);
        }
    }

    private async Task RecordLoopAsync(IProducer<string, byte[]> producer, CancellationToken ct)
    {
        var o = options.Value;
        while (true)
        {
            if (_pending.IsEmpty)
            {
                if (_draining) return;
                await Task.Delay(Math.Max(1, o.RecordDelayMs), ct);
                continue;
            }
            if (!_draining && _pending.Count < o.RecordBatchSize)
                await Task.Delay(Math.Max(1, o.RecordDelayMs), ct);
            // Enumerating a ConcurrentQueue gives a FIFO snapshot; only this loop dequeues.
            var batch = _pending.Take(o.RecordBatchSize).ToList();
            foreach (var item in batch)
                await EnsurePublishedAsync(producer, item, ct);
            var rows = batch.Where(b => b.Row is not null).Select(b => b.Row!).ToList();
            var inserted = await WriteWithRetryAsync(rows, ct);
            for (var i = 0; i < batch.Count; i++) _pending.TryDequeue(out _);
            _storable.Enqueue([.. NextOffsets.After(batch.Select(b => b.Source))]);
            Interlocked.Add(ref _recorded, inserted);
        }
    }

    private async Task EnsurePublishedAsync(IProducer<string, byte[]> producer, PendingDecision item, CancellationToken ct)
    {
        try
        {
            await item.Published.WaitAsync(ct);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Publishing the decision for {Source} failed ({Reason}); retrying", item.Source, ex.Message);
        }
        for (var attempt = 2; ; attempt++)
        {
            try
            {
                await producer.ProduceAsync(Topics.GateDecisions, item.Decision!, ct);
                return;
            }
            catch (Exception ex) when (ex is KafkaException or InvalidOperationException)
            {
                logger.LogWarning("Publishing the decision for {Source} failed (attempt {Attempt}: {Reason})", item.Source, attempt, ex.Message);
                await Task.Delay(options.Value.RetryDelayMs, ct);
            }
        }
    }

    private Task<int> WriteWithRetryAsync(List<GateDecisionRow> rows, CancellationToken ct) =>
        // ClickHouse down: decisions keep flowing to the barrier; only the record (and the commit) waits.
        Retry.UntilDoneAsync(() => writer.WriteAsync(rows, ct), TimeSpan.FromMilliseconds(options.Value.RetryDelayMs),
            (ex, attempt) => logger.LogWarning(ex, "Recording {Count} gate decisions failed (attempt {Attempt}); retrying", rows.Count, attempt),
            ct, ex => LedgerSchemaFault.Of(ex) is not null);

    // Stores the offsets past the recorded decisions (a local call); the client commits them (DecisionPathClients).
    private void StoreRecorded(IConsumer<string, byte[]> consumer)
    {
        while (_storable.TryDequeue(out var offsets))
            foreach (var offset in offsets)
            {
                try
                {
                    consumer.StoreOffset(offset);
                }
                catch (KafkaException ex)
                {
                    // A rebalance took the partition away: the next owner re-decides those events and the passage id
                    // keeps one row; the barrier sees the same decision twice.
                    logger.LogDebug("Storing the offset of {Partition} on {Topic} failed: {Reason}", offset.Partition, Topics.GateRaw, ex.Error.Reason);
                }
            }
    }
}
