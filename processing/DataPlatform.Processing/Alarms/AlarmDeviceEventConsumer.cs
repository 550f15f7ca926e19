using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Alarms;

/// <summary><c>device.events</c> → alarms (offline devices, failed authentication).</summary>
public sealed class AlarmDeviceEventConsumer(
    AlarmPipeline pipeline,
    IOptions<KafkaOptions> kafka,
    AlarmConsumerOptions options,
    ILogger<AlarmDeviceEventConsumer> logger) : AlarmSourceConsumer(Topics.DeviceEvents, "设备事件", pipeline, kafka, options, logger)
{
    protected override AlarmInput? Parse(byte[] value) => AlarmInputs.FromDeviceEvent(DeviceEvent.FromJson(value));
}
