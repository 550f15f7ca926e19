using Confluent.Kafka;
using DataPlatform.RegulatorBridge.Hosting;
using DataPlatform.RegulatorBridge.Outbox;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorBridge.Storage;
using DataPlatform.Streams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.RegulatorBridge.Uplink;

/// <summary>
/// <c>ledger.records</c> → outbox. Each batch: parse, drop records the outbox already holds (the topic is at least
/// once), write the new ones as Pending rows, and only after that insert returned commit the Kafka offsets. A crash
/// in between re-reads the batch, and the id check makes the second pass a no-op.
/// <para>Passages and register versions are uploaded; closed trips are skipped (no upload method takes them: their
/// cargo and weight arrive as the exit passage's newer version). An exit passage without its trip is held
/// (<see cref="RegulatorBridgeOptions.ExitHold"/>); a newer version of a record not yet attempted replaces it (and
/// releases a held exit); a newer version of a record whose upload began is not sent — the platform drops repeats
/// of a record id — and is logged.</para>
/// </summary>
public sealed class LedgerRecordIntake(
    OutboxStore store,
    OutboxQueue queue,
    BridgeContext bridge,
    IOptions<KafkaOptions> kafka,
    IOptions<RegulatorBridgeOptions> options,
    TimeProvider time,
    ILogger<LedgerRecordIntake> logger) : BackgroundService
{
    private long _accepted;

    /// <summary>New records written to the outbox since start.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // librdkafka's Consume blocks: the loop and its continuations keep to a thread of their own.
        ConsumeLoopThread.Run("consume ledger.records", () => RunAsync(stoppingToken));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        await bridge.Ready.WaitAsync(stoppingToken);
        var config = kafka.Value.Consumer(options.Value.GroupId, "regulator-bridge");
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe(Topics.LedgerRecords);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var batch = Poll(consumer, stoppingToken);
                if (batch.Count == 0)
                    continue;
                while (true)
                {
                    try
                    {
                        await AcceptAsync(batch, stoppingToken);
                        break;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogWarning("写入上传队列失败，稍后重试: {Reason}", e.Message);
                        await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                    }
                }
                try
                {
                    consumer.Commit(NextOffsets.After(batch.Select(m => m.TopicPartitionOffset)));
                }
                catch (KafkaException e)
                {
                    // A rebalance took the partitions: the next owner re-reads the batch, and the id check skips it.
                    logger.LogInformation("提交 ledger.records 偏移失败（将重读，已去重）: {Reason}", e.Error.Reason);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            consumer.Close();
        }
    }

    private async Task AcceptAsync(List<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        var deadline = bridge.Profile.Profile.Deadlines.RealTime;
        var newest = new Dictionary<string, (LedgerRecord Record, RecordKind Kind)>(StringComparer.Ordinal);
        foreach (var message in batch)
        {
            if (!LedgerRecord.TryRead(message.Message.Value, out var record, out var error))
            {
                logger.LogWarning("ledger.records {Offset} 无法解析，已跳过: {Reason}", message.TopicPartitionOffset, error);
                continue;
            }
            if (record.UploadKind is not { } kind)
                continue;
            var uploadId = RecordIds.Create(options.Value.EntCode, kind, record.RecordId.ToString("N"));
            if (!newest.TryGetValue(uploadId, out var seen) || seen.Record.Version < record.Version)
                newest[uploadId] = (record, kind);
        }
        var revised = new List<OutboxItem>();
        var fresh = new Dictionary<string, OutboxItem>(StringComparer.Ordinal);
        foreach (var (uploadId, (record, kind)) in newest)
        {
            if (queue.TryRevise(uploadId, current => Revise(current, record), out var item))
            {
                if (item is not null) revised.Add(item);
                continue;
            }
            if (queue.Contains(uploadId))
            {
                if (record.Version > 1)
                    logger.LogInformation("记录 {RecordId} 的新版本 {Version} 到达时已开始上传，平台按记录编号只保留首次上传", uploadId, record.Version);
                continue;
            }
            var entry = OutboxEntry.New(uploadId, kind, record.GateId, record.GeneratedAt, deadline);
            if (record.AwaitsTrip)
                entry = OutboxMachine.Hold(entry, record.GeneratedAt + options.Value.ExitHold);
            fresh[uploadId] = new OutboxItem(entry, record.EnterpriseId, new LedgerSource(record), false, "", null);
        }
        await store.SaveAsync(revised, ct);
        if (fresh.Count == 0)
            return;
        var known = await store.KnownAsync(fresh.Keys, ct);
        var items = fresh.Values.Where(i => !known.Contains(i.Entry.RecordId)).ToList();
        await store.SaveAsync(items, ct);
        queue.Put(items);
        Interlocked.Add(ref _accepted, items.Count);
    }

    /// <summary>The queued record with a newer version's source; null (no change) when the version is not newer.</summary>
    private static OutboxItem? Revise(OutboxItem current, LedgerRecord newer)
    {
        if (newer.Version <= current.Source.Version)
            return null;
        var entry = newer.AwaitsTrip ? current.Entry : OutboxMachine.Release(current.Entry);
        return current with { Entry = entry, Source = new LedgerSource(newer) };
    }

    private static List<ConsumeResult<string, byte[]>> Poll(IConsumer<string, byte[]> consumer, CancellationToken ct)
    {
        var batch = new List<ConsumeResult<string, byte[]>>();
        var first = consumer.Consume(ct);
        if (first?.Message is null)
            return batch;
        batch.Add(first);
        while (batch.Count < 500 && consumer.Consume(TimeSpan.FromMilliseconds(20)) is { Message: not null } next)
            batch.Add(next);
        return batch;
    }
}
