using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Alarms;

/// <summary><c>gate.emission-readings</c> → alarms (readings above a rule's limit).</summary>
public sealed class AlarmEmissionReadingConsumer(
    AlarmPipeline pipeline,
    IOptions<KafkaOptions> kafka,
    AlarmConsumerOptions options,
    ILogger<AlarmEmissionReadingConsumer> logger) : AlarmSourceConsumer(Topics.EmissionReadings, "排放检测数据", pipeline, kafka, options, logger)
{
    protected override AlarmInput? Parse(byte[] value) => EmissionAlarmInputs.FromOpacityReading(OpacityReading.FromJson(value));
}
