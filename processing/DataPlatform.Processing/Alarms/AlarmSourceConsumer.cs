using System.Text.Json;
using Confluent.Kafka;
using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Processing.Consuming;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Alarms;

/// <summary>A topic whose messages each become at most one alarm input, read in the alarm group. A message that does
/// not parse is skipped with a warning: dead-lettering it is the business of the topic's ledger writer, not of alarms.</summary>
public abstract class AlarmSourceConsumer(
    string topic,
    string whatItCarries,
    AlarmPipeline pipeline,
    IOptions<KafkaOptions> kafka,
    AlarmConsumerOptions options,
    ILogger logger) : BatchConsumer(topic, kafka, options.Batching, logger)
{
    private readonly ILogger _log = logger;

    /// <summary>The message as an alarm input, or null when it can raise none; throws <see cref="JsonException"/>.</summary>
    protected abstract AlarmInput? Parse(byte[] value);

    protected override Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct) =>
        pipeline.HandleAsync(batch.Select(Read).OfType<AlarmInput>(), ct);

    private AlarmInput? Read(ConsumeResult<string, byte[]> message)
    {
        try
        {
            return Parse(message.Message.Value);
        }
        catch (JsonException ex)
        {
            _log.LogWarning("无法解析 {Topic} 上的{What} {Offset}，已跳过: {Reason}", message.Topic, whatItCarries, message.TopicPartitionOffset, ex.Message);
            return null;
        }
    }
}
