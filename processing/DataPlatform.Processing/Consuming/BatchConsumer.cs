using Confluent.Kafka;
using DataPlatform.Streams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Consuming;

/// <summary>
/// Consumes one topic in batches and hands each batch to <see cref="HandleAsync"/>; offsets are committed only
/// after the handler returned, i.e. after ClickHouse acknowledged the insert. A failing batch is retried
/// as a whole, in order, until it succeeds or the service stops — nothing is skipped. A ledger table that is
/// missing or altered (<see cref="LedgerSchemaFault"/>) cannot heal by waiting: the consumer logs one critical line,
/// raises one <see cref="ConsumerStoppedAlarm"/> and stops, uncommitted (the rest of the process runs on).
/// </summary>
public abstract class BatchConsumer(
    string topic,
    IOptions<KafkaOptions> kafka,
    IOptions<ProcessingOptions> options,
    ILogger logger) : BackgroundService
{
    private long _handled;

    /// <summary>Messages handled and committed since start.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>Why this consumer stopped for good (a ledger schema fault), or null while it runs.</summary>
    public string? StoppedBy { get; private set; }

    protected abstract Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct);

    /// <summary>Called when a poll brought nothing, so a stage holding messages back can finish them; returns true
    /// when it did something that lets offsets advance (<see cref="Committable"/> is then committed).</summary>
    protected virtual Task<bool> IdleAsync(CancellationToken ct) => Task.FromResult(false);

    /// <summary>The offsets to commit once <paramref name="handled"/> was handled: by default one past the highest of
    /// each partition. A stage that holds messages back commits no further than its oldest held one.</summary>
    protected virtual IReadOnlyList<TopicPartitionOffset> Committable(IReadOnlyList<ConsumeResult<string, byte[]>> handled) =>
        NextOffsets.After(handled.Select(r => r.TopicPartitionOffset));

    /// <summary>Adjusts this stage's consumer settings (e.g. fetch waits on a latency path) before the consumer is built.</summary>
    protected virtual void Configure(ConsumerConfig config)
    {
    }

    /// <summary>Called on the consume thread when partitions are assigned to this consumer, before any of their
    /// messages is handed over: a stage keeping per-partition state in memory marks it to be loaded from the ledger.
    /// No I/O here (it runs inside a poll); load on the next batch instead.</summary>
    protected virtual void PartitionsAssigned(IReadOnlyList<TopicPartition> partitions)
    {
    }

    /// <summary>Called on the consume thread when partitions leave this consumer (revoked in a rebalance, or lost):
    /// state kept for them is no longer this consumer's to trust, since another one may write on.</summary>
    protected virtual void PartitionsRevoked(IReadOnlyList<TopicPartition> partitions)
    {
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // librdkafka's Consume blocks: the loop and its continuations keep to a thread of their own.
        ConsumeLoopThread.Run($"consume {topic}", () => RunAsync(stoppingToken));

    private async Task RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        var config = kafka.Value.Consumer(o.GroupId, $"{o.GroupId}-{topic}-{Environment.ProcessId}");
        Configure(config);
        using var consumer = new ConsumerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, e) => logger.LogWarning("Kafka consumer error on {Topic}: {Reason}", topic, e.Reason))
            .SetPartitionsAssignedHandler((_, partitions) => PartitionsAssigned(partitions))
            .SetPartitionsRevokedHandler((_, partitions) => PartitionsRevoked([.. partitions.Select(p => p.TopicPartition)]))
            .SetPartitionsLostHandler((_, partitions) => PartitionsRevoked([.. partitions.Select(p => p.TopicPartition)]))
            .Build();
        consumer.Subscribe(topic);
        var batch = new List<ConsumeResult<string, byte[]>>(o.MaxBatchSize);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    Fill(consumer, batch, o, ct);
                }
                catch (ConsumeException ex) when (!ex.Error.IsFatal)
                {
                    // E.g. a topic not created yet: keep what was read, wait, read on — never stop the host.
                    logger.LogWarning("Reading {Topic} failed: {Reason}; retrying", topic, ex.Error.Reason);
                    await Task.Delay(o.RetryDelayMs, ct);
                }
                if (batch.Count == 0)
                {
                    if (await IdleWithRetryAsync(o, ct)) Commit(consumer, batch);
                    continue;
                }
                await HandleWithRetryAsync(batch, o, ct);
                Commit(consumer, batch);
                Interlocked.Add(ref _handled, batch.Count);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the unfinished batch stays uncommitted and is consumed again by the next owner.
        }
        catch (Exception ex) when (LedgerSchemaFault.Of(ex) is { } fault)
        {
            // The unfinished batch stays uncommitted: once the table is restored a restart writes it.
            StoppedBy = $"{LedgerSchemaFault.Describe(fault)}: {Clip(fault.Message)}";
            logger.LogCritical("台账表不可写入，停止消费 {Topic}（ledger schema fault: consumer group {Group} of {Topic} stopped, "
                + "batch of {Count} left uncommitted; restore the table and restart）: {Fault}", topic, o.GroupId, topic, batch.Count, StoppedBy);
            await ConsumerStoppedAlarm.PublishAsync(kafka.Value, o.GroupId, topic, TableOf(fault.Message), StoppedBy, logger);
        }
        finally
        {
            consumer.Close();
        }
    }

    private static void Fill(IConsumer<string, byte[]> consumer, List<ConsumeResult<string, byte[]>> batch,
        ProcessingOptions o, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(o.MaxBatchDelayMs);
        while (batch.Count < o.MaxBatchSize)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) break;
            var result = consumer.Consume(batch.Count == 0 ? TimeSpan.FromMilliseconds(Math.Min(250, o.MaxBatchDelayMs)) : left);
            ct.ThrowIfCancellationRequested();
            if (result is null) { if (batch.Count == 0) return; break; }
            if (result.IsPartitionEOF || result.Message is null) continue;
            batch.Add(result);
        }
    }

    private Task HandleWithRetryAsync(List<ConsumeResult<string, byte[]>> batch, ProcessingOptions o, CancellationToken ct) =>
        Retry.UntilDoneAsync(async () => { await HandleAsync(batch, ct); return true; }, TimeSpan.FromMilliseconds(o.RetryDelayMs),
            (ex, attempt) => logger.LogWarning(ex, "Writing a batch of {Count} from {Topic} failed (attempt {Attempt}); retrying",
                batch.Count, topic, attempt),
            ct, IsSchemaFault);

    private Task<bool> IdleWithRetryAsync(ProcessingOptions o, CancellationToken ct) =>
        Retry.UntilDoneAsync(() => IdleAsync(ct), TimeSpan.FromMilliseconds(o.RetryDelayMs),
            (ex, attempt) => logger.LogWarning(ex, "Finishing held messages of {Topic} failed (attempt {Attempt}); retrying", topic, attempt),
            ct, IsSchemaFault);

    private static bool IsSchemaFault(Exception ex) => LedgerSchemaFault.Of(ex) is not null;

    // ClickHouse names the table in its message ("Table ledger.passages does not exist", "Unknown table expression
    // identifier 'ledger.passages'"); the topic is the fallback.
    private string TableOf(string message) =>
        System.Text.RegularExpressions.Regex.Match(message, @"(?:'|`|[Tt]able )\w+\.(\w+)") is { Success: true } m ? m.Groups[1].Value : topic;

    // The engine's message repeats the whole query; the first part says what is wrong.
    private static string Clip(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        return line.Length <= 240 ? line : line[..240] + "…";
    }

    private void Commit(IConsumer<string, byte[]> consumer, List<ConsumeResult<string, byte[]>> batch)
    {
        var offsets = Committable(batch);
        if (offsets.Count == 0) return;
        try
        {
            consumer.Commit(offsets);
        }
        catch (KafkaException ex) when (ex.Error.Code is ErrorCode.RebalanceInProgress or ErrorCode.IllegalGeneration or ErrorCode.UnknownMemberId)
        {
            // A rebalance took the partitions away (every start has a few, as the roles join their groups): the rows
            // are stored, the next owner re-reads them and the writer's id check turns that into a no-op. Expected:
            // a debug line, not a warning.
            logger.LogDebug("Commit on {Topic} skipped during a rebalance ({Reason}); the next owner re-reads the batch", topic, ex.Error.Reason);
        }
        catch (KafkaException ex)
        {
            // Anything else also loses nothing (same re-read), but is worth a look.
            logger.LogWarning("Commit on {Topic} failed: {Reason}", topic, ex.Error.Reason);
        }
    }
}
