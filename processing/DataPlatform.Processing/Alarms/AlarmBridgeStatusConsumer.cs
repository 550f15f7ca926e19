using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Alarms;

/// <summary><c>regulator.bridge-status</c> → alarms (low rates, upload backlog, platform down).</summary>
public sealed class AlarmBridgeStatusConsumer(
    AlarmPipeline pipeline,
    IOptions<KafkaOptions> kafka,
    AlarmConsumerOptions options,
    ILogger<AlarmBridgeStatusConsumer> logger) : AlarmSourceConsumer(Topics.BridgeStatus, "监管对接状态", pipeline, kafka, options, logger)
{
    protected override AlarmInput? Parse(byte[] value) => BridgeStatusInputs.From(BridgeStatusEvent.FromJson(value));
}
