using DataPlatform.RegulatorBridge.Hosting;
using DataPlatform.RegulatorBridge.Outbox;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using Microsoft.Extensions.Logging;

namespace DataPlatform.RegulatorBridge.Uplink;

/// <summary>Heartbeats with device status every profile period (spec §5, default 60 s). Not ledger records: a missed
/// one is simply followed by the next. While the circuit is open the heartbeat is the probe, so an idle bridge still
/// notices the platform coming back.</summary>
public sealed class HeartbeatSender(BridgeContext bridge, DeviceStatusBoard devices, TimeProvider time, ILogger<HeartbeatSender> logger)
{
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public long Sent { get; private set; }

    public async Task SendIfDueAsync(CircuitBreaker breaker, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now < _next || bridge.Profile.MethodFor(RecordKind.Heartbeat) is null)
            return;
        _next = now + bridge.Profile.Profile.Deadlines.Heartbeat;
        if (!breaker.TryAcquire(now))
            return;
        var data = bridge.Payloads.Heartbeat(new HeartbeatRecord(now, devices.Snapshot()));
        var reply = await bridge.Client.SendAsync(RecordKind.Heartbeat, data, null, ct);
        if (reply is null)
            return;
        if (reply.Outcome is AttemptOutcome.Acknowledged or AttemptOutcome.Duplicate or AttemptOutcome.Refused)
        {
            breaker.OnSuccess();
            Sent++;
        }
        else
        {
            breaker.OnFailure(time.GetUtcNow());
            logger.LogInformation("心跳失败: {Reason}", reply.Error);
        }
    }
}
