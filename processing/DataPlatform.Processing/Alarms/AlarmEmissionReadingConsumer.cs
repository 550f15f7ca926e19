using System.Text.Json;
using Confluent.Kafka;
using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Processing.Consuming;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Alarms;

/// <summary><c>gate.emission-readings</c> → alarms (readings above a rule's limit), in the alarm group. An
/// unreadable reading is the ledger writer's to dead-letter; here it is only skipped.</summary>
public sealed class AlarmEmissionReadingConsumer(
    AlarmPipeline pipeline,
    IOptions<KafkaOptions> kafka,
    AlarmConsumerOptions options,
    ILogger<AlarmEmissionReadingConsumer> logger) : BatchConsumer(Topics.EmissionReadings, kafka, options.Batching, logger)
{
    protected override Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct) =>
        pipeline.HandleAsync(batch.Select(Read).OfType<AlarmInput>(), ct);

    private AlarmInput? Read(ConsumeResult<string, byte[]> message)
    {
        try
        {
            return EmissionAlarmInputs.FromOpacityReading(OpacityReading.FromJson(message.Message.Value));
        }
        catch (JsonException ex)
        {
            logger.LogWarning("无法解析 {Topic} 上的排放检测数据 {Offset}，已跳过: {Reason}", message.Topic, message.TopicPartitionOffset, ex.Message);
            return null;
        }
    }
}
