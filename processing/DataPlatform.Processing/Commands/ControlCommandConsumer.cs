using System.Security.Cryptography;
using Confluent.Kafka;
using DataPlatform.Processing.Rejections;
using DataPlatform.Streams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Commands;

/// <summary>
/// Folds <c>control.commands</c> into the <see cref="PolicyStore"/> live. Every instance reads every partition
/// by manual assignment (no consumer group), because every gate process needs the whole policy state, not a
/// share of it. It resumes after the last command its snapshot contains, or from the beginning when there is
/// no snapshot or the topic is not the one the snapshot was read from. Malformed commands are dead-lettered
/// with the reason and never applied.
/// </summary>
public sealed class ControlCommandConsumer(
    PolicyStore store,
    DeadLetterProducer deadLetters,
    TimeProvider time,
    IOptions<KafkaOptions> kafka,
    IOptions<DecisionOptions> options,
    ILogger<ControlCommandConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(5);
    private volatile bool _caughtUp;

    /// <summary>True once the command log as it stood at start has been read.</summary>
    public bool CaughtUp => _caughtUp;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // librdkafka's Consume blocks: the loop and its continuations keep to a thread of their own.
        ConsumeLoopThread.Run("consume control.commands", () => RunAsync(stoppingToken));

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        store.Save();
        return base.StopAsync(cancellationToken);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await ConsumeAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Kafka unreachable or the topic missing: the gate keeps deciding with the state it has.
                logger.LogWarning("管控指令主题暂不可读 ({Reason})，沿用当前策略 (版本 {Version})", ex.Message, store.Current.Version);
                try { await Task.Delay(options.Value.RetryDelayMs, ct); } catch (OperationCanceledException) { break; }
            }
        }
        store.Save();
    }

    private async Task ConsumeAsync(CancellationToken ct)
    {
        var o = options.Value;
        var config = kafka.Value.Consumer($"{o.GroupId}-control-{Environment.ProcessId}", $"control-{Environment.ProcessId}");
        config.FetchWaitMaxMs = o.FetchWaitMaxMs;
        using var consumer = new ConsumerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, e) => logger.LogDebug("Kafka error on {Topic}: {Reason}", Topics.ControlCommands, e.Reason))
            .Build();
        var partitions = Partitions(kafka.Value);
        var ends = new Dictionary<int, long>();
        var starts = new List<TopicPartitionOffset>();
        foreach (var partition in partitions)
        {
            var tp = new TopicPartition(Topics.ControlCommands, partition);
            var marks = consumer.QueryWatermarkOffsets(tp, MetadataTimeout);
            ends[partition] = marks.High.Value;
            starts.Add(new TopicPartitionOffset(tp, StartOffset(consumer, tp, marks)));
        }
        consumer.Assign(starts);
        _caughtUp = false;
        try
        {
            await FollowAsync(consumer, ends, ct);
        }
        finally
        {
            consumer.Close();
        }
    }

    private async Task FollowAsync(IConsumer<string, byte[]> consumer, Dictionary<int, long> ends, CancellationToken ct)
    {
        var dirty = false;
        while (!ct.IsCancellationRequested)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message is { } message)
            {
                await HandleAsync(result, message, ct);
                dirty = true;
                continue;
            }
            // Idle: persist what was folded in since the last write (commands are rare; one write per burst).
            if (dirty)
            {
                store.Save();
                dirty = false;
            }
            if (!_caughtUp && ends.All(e => store.Current.Offsets.GetValueOrDefault(e.Key, 0) >= e.Value))
            {
                _caughtUp = true;
                logger.LogInformation("管控指令已读至最新 (策略版本 {Version})", store.Current.Version);
            }
        }
    }

    private async Task HandleAsync(ConsumeResult<string, byte[]> result, Message<string, byte[]> message, CancellationToken ct)
    {
        var position = new CommandLogPosition(result.Partition.Value, result.Offset.Value + 1, Marker(message.Value));
        var parsed = ControlCommandCodec.Parse(message.Value ?? []);
        if (!parsed.IsSuccess)
        {
            // Dead-letter first, then advance: a crash in between re-reads the message and the dead letter's
            // id (from topic/partition/offset) keeps one rejection row.
            await deadLetters.SendAsync(new DeadLetter(
                DeadLetterIds.For(result.TopicPartitionOffset), time.GetUtcNow(), "control", result.Topic,
                parsed.Rejection.Code, parsed.Rejection.Reason, message.Value ?? []), ct);
            store.ApplyAt(null, position);
            logger.LogWarning("管控指令被拒绝 ({Code}): {Reason}", parsed.Rejection.Code, parsed.Rejection.Reason);
            return;
        }
        var applied = store.ApplyAt(parsed.Command, position)!;
        logger.LogInformation("管控指令 {CommandId} ({Kind}): {Message} (策略版本 {Version})",
            parsed.Command.CommandId, parsed.Command.Kind, applied.Message, applied.Version);
    }

    /// <summary>Where to resume on one partition: after the snapshot's last command if the log still holds that
    /// very message there, else from the log's start.</summary>
    private Offset StartOffset(IConsumer<string, byte[]> consumer, TopicPartition tp, WatermarkOffsets marks)
    {
        var state = store.Current;
        if (!state.Offsets.TryGetValue(tp.Partition.Value, out var next) || next <= 0)
            return marks.Low;
        if (next > marks.High.Value || next - 1 < marks.Low.Value || !SameMessage(consumer, tp, next - 1,
                state.Markers.GetValueOrDefault(tp.Partition.Value, "")))
        {
            logger.LogWarning("管控指令主题 {Partition} 与快照不一致 (快照读至 {Next}，主题为 {Low}..{High})，从头读取并叠加到快照策略上",
                tp, next, marks.Low, marks.High);
            return marks.Low;
        }
        return next;
    }

    private static bool SameMessage(IConsumer<string, byte[]> consumer, TopicPartition tp, long offset, string marker)
    {
        consumer.Assign(new TopicPartitionOffset(tp, offset));
        try
        {
            var deadline = DateTime.UtcNow + MetadataTimeout;
            while (DateTime.UtcNow < deadline)
            {
                var r = consumer.Consume(TimeSpan.FromMilliseconds(200));
                if (r?.Message is { } m)
                    return r.Offset.Value == offset && Marker(m.Value) == marker;
            }
            return false;
        }
        finally
        {
            consumer.Unassign();
        }
    }

    private static string Marker(byte[]? value) => Convert.ToHexStringLower(SHA256.HashData(value ?? []))[..32];

    private static List<int> Partitions(KafkaOptions kafka)
    {
        // Only the connection settings: consumer properties on an admin client make librdkafka print warnings.
        var config = new AdminClientConfig { BootstrapServers = kafka.BootstrapServers };
        foreach (var (key, value) in kafka.Properties) config.Set(key, value);
        using var admin = new AdminClientBuilder(config).Build();
        var topic = admin.GetMetadata(Topics.ControlCommands, MetadataTimeout).Topics.SingleOrDefault();
        if (topic is null || topic.Error.IsError || topic.Partitions.Count == 0)
            throw new KafkaException(new Error(ErrorCode.UnknownTopicOrPart, $"topic {Topics.ControlCommands} not found"));
        return [.. topic.Partitions.Select(p => p.PartitionId).Order()];
    }
}
