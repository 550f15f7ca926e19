using System.Text.Json;
using Confluent.Kafka;
using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Processing.Consuming;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Alarms;

/// <summary><c>regulator.bridge-status</c> → alarms, in the alarm group.</summary>
public sealed class AlarmBridgeStatusConsumer(
    AlarmPipeline pipeline,
    IOptions<KafkaOptions> kafka,
    AlarmConsumerOptions options,
    ILogger<AlarmBridgeStatusConsumer> logger) : BatchConsumer(Topics.BridgeStatus, kafka, options.Batching, logger)
{
    protected override Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct) =>
        pipeline.HandleAsync(batch.Select(Read).OfType<AlarmInput>(), ct);

    private AlarmInput? Read(ConsumeResult<string, byte[]> message)
    {
        try
        {
            return BridgeStatusInputs.From(BridgeStatusEvent.FromJson(message.Message.Value));
        }
        catch (JsonException ex)
        {
            logger.LogWarning("无法解析 {Topic} 上的监管对接状态 {Offset}，已跳过: {Reason}", message.Topic, message.TopicPartitionOffset, ex.Message);
            return null;
        }
    }
}
