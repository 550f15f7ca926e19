using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Publishing;
using DataPlatform.Ingest.Journal;
using DataPlatform.Streams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Ingest.Health;

/// <summary>Turns the tracker's status changes into <see cref="DeviceEvent"/>s on <see cref="Topics.DeviceEvents"/>,
/// through <see cref="DurableIngest"/> so a status change survives a crash like any acknowledged record.</summary>
public sealed class DeviceHealthMonitor(
    DeviceHealthTracker tracker,
    DurableIngest ingest,
    TimeProvider time,
    ILogger<DeviceHealthMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A quarter of the window keeps the reported change within 25 % of the silence; capped so tests and
        // short windows still react quickly.
        var period = TimeSpan.FromTicks(Math.Clamp(tracker.Silence.Ticks / 4, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(5).Ticks));
        using var timer = new PeriodicTimer(period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var change in tracker.Evaluate(time.GetUtcNow()))
            {
                var message = change.Status == DeviceStatus.Online ? $"设备 {change.DeviceId} 上线"
                    : change.Unreachable ? $"设备 {change.DeviceId} 离线：无法建立 TCP 连接"
                    : $"设备 {change.DeviceId} 离线：超过 {tracker.Silence.TotalSeconds:0} 秒未收到任何数据";
                var kind = change.Status == DeviceStatus.Online ? DeviceEventKinds.Online : DeviceEventKinds.Offline;
                var deviceEvent = new DeviceEvent(Guid.NewGuid(), kind, change.DeviceId, change.At, message, LastSeen: change.LastSeen);
                try
                {
                    await ingest.AcceptAsync(new JournalEntry(Topics.DeviceEvents, change.DeviceId, deviceEvent.ToJson()), stoppingToken);
                    logger.LogInformation("Device {DeviceId} is {Status}", change.DeviceId, change.Status);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Losing one status event is preferable to stopping the monitor; the status list stays right.
                    logger.LogWarning(ex, "Could not publish status {Status} of device {DeviceId}", change.Status, change.DeviceId);
                }
            }
        }
    }
}
