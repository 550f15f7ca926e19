using System.Text.Json;
using Confluent.Kafka;
using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Processing.Consuming;
using DataPlatform.Processing.Decisions;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Alarms;

/// <summary><c>gate.decisions</c> → alarms, in the alarm group. Offsets are committed after the alarm rows are stored.</summary>
public sealed class AlarmDecisionConsumer(
    AlarmPipeline pipeline,
    IOptions<KafkaOptions> kafka,
    AlarmConsumerOptions options,
    ILogger<AlarmDecisionConsumer> logger) : BatchConsumer(Topics.GateDecisions, kafka, options.Batching, logger)
{
    protected override Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct) =>
        pipeline.HandleAsync(batch.Select(Read).OfType<AlarmInput>(), ct);

    // The decision service writes this topic; an unreadable message is a bug there, not a reason to stop alarms.
    private AlarmInput? Read(ConsumeResult<string, byte[]> message)
    {
        try
        {
            return AlarmInputs.FromDecision(GateDecisionMessage.FromJson(message.Message.Value));
        }
        catch (JsonException ex)
        {
            logger.LogWarning("无法解析 {Topic} 上的判定消息 {Offset}，已跳过: {Reason}", message.Topic, message.TopicPartitionOffset, ex.Message);
            return null;
        }
    }
}
