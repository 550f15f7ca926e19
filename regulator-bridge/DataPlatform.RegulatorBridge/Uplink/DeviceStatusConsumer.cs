using System.Text.Json;
using Confluent.Kafka;
using DataPlatform.RegulatorBridge.Hosting;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.Streams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.RegulatorBridge.Uplink;

/// <summary><c>device.events</c> → <see cref="DeviceStatusBoard"/> for the heartbeat. It never commits: each start
/// reads the topic from the beginning and rebuilds the board, which is only a last-known-state view.</summary>
public sealed class DeviceStatusConsumer(
    DeviceStatusBoard board,
    BridgeContext bridge,
    IOptions<KafkaOptions> kafka,
    IOptions<RegulatorBridgeOptions> options,
    ILogger<DeviceStatusConsumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // librdkafka's Consume blocks: the loop and its continuations keep to a thread of their own.
        ConsumeLoopThread.Run("consume device.events", () => RunAsync(stoppingToken));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await bridge.Ready.WaitAsync(stoppingToken);
            var config = kafka.Value.Consumer($"{options.Value.GroupId}-devices-{Guid.NewGuid():N}", "regulator-bridge-devices");
            using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
            consumer.Subscribe(Topics.DeviceEvents);
            while (!stoppingToken.IsCancellationRequested)
            {
                var message = consumer.Consume(stoppingToken);
                if (message?.Message?.Value is not { } value)
                    continue;
                try
                {
                    var e = DeviceEvent.FromJson(value);
                    if (e.Kind is DeviceEventKinds.Online or DeviceEventKinds.Offline)
                        board.Set(new DeviceStatus(e.DeviceId, "gate-device", e.Kind == DeviceEventKinds.Online, e.LastSeen ?? e.At,
                            e.Kind == DeviceEventKinds.Online ? "正常" : "离线"));
                }
                catch (JsonException ex)
                {
                    logger.LogDebug("device.events {Offset} 无法解析: {Reason}", message.TopicPartitionOffset, ex.Message);
                }
            }
            consumer.Close();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
