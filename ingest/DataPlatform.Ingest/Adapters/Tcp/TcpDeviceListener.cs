using System.Net;
using System.Net.Sockets;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Health;
using DataPlatform.Ingest.Journal;
using DataPlatform.Streams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>
/// Listens for one TCP device (a serial-to-Ethernet converter set up as TCP client, or a gateway) and turns its
/// bytes into records through its <see cref="TcpDeviceHandler"/> and <see cref="TcpDeviceReceiver"/>. Every
/// received chunk counts as a sign of life; every rejection is kept as a dead letter; nothing a peer sends can
/// stop the listener. (Connect mode, where we dial the converter, is <see cref="TcpDeviceConnector"/>.)
/// </summary>
public sealed class TcpDeviceListener(
    TcpDeviceConfig config,
    TcpDeviceHandler handler,
    ITcpRecordSink sink,
    DeviceHealthTracker health,
    AuthAlarmThrottle alarms,
    TimeProvider time,
    TcpListenerDirectory directory,
    ILogger<TcpDeviceListener> logger) : BackgroundService
{
    private readonly TcpDeviceReceiver _receiver = new(config, handler, sink, health, time, logger);
    private int _connections;

    private TcpListener? _listener;

    /// <summary>Binds here rather than in <see cref="ExecuteAsync"/> (which .NET 10 runs on a background thread):
    /// a bad or busy address fails the host's start, and the bound port is known once the host has started.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var listener = new TcpListener(config.Listen ?? throw new InvalidOperationException($"device {config.DeviceId} has no listen address"));
        listener.Start();
        _listener = listener;
        var bound = (IPEndPoint)listener.LocalEndpoint;
        directory.Add(config.DeviceId, bound);
        logger.LogInformation("TCP device {DeviceId} ({Protocol}) listening on {Endpoint}", config.DeviceId, config.Protocol.Name(), bound);
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        AcceptLoopAsync(_listener ?? throw new InvalidOperationException("not started"), stoppingToken);

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken ct)
    {
        var running = new List<Task>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(ct);
                }
                catch (SocketException ex)
                {
                    // Out of descriptors or a reset during the handshake: the next accept may well work.
                    logger.LogWarning(ex, "TCP device {DeviceId}: accept failed", config.DeviceId);
                    await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
                    continue;
                }
                running.RemoveAll(t => t.IsCompleted);
                running.Add(ServeAsync(client, ct));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            listener.Stop();
            directory.Remove(config.DeviceId);
            await Task.WhenAll(running);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        await Task.Yield();
        var remote = client.Client.RemoteEndPoint as IPEndPoint;
        using (client)
        {
            if (await RefusedAsync(remote, ct)) return;
            try
            {
                Interlocked.Increment(ref _connections);
                client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                await _receiver.ReceiveAsync(client, remote, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "TCP device {DeviceId}: connection from {Remote} failed", config.DeviceId, remote);
            }
            finally
            {
                Interlocked.Decrement(ref _connections);
            }
        }
    }

    private async Task<bool> RefusedAsync(IPEndPoint? remote, CancellationToken ct)
    {
        var address = remote is null ? null : TcpDeviceConfig.Canonical(remote.Address);
        string? reason = null;
        if (config.AllowFrom.Count > 0 && (address is null || !config.AllowFrom.Contains(address)))
            reason = $"{address} is not in allowFrom";
        else if (Volatile.Read(ref _connections) >= TcpDeviceConfig.MaxConnections)
            reason = $"already {TcpDeviceConfig.MaxConnections} connections";
        if (reason is null) return false;

        var now = time.GetUtcNow();
        logger.LogWarning("TCP device {DeviceId}: refused {Remote}: {Reason}", config.DeviceId, remote, reason);
        if (alarms.ShouldRaise($"{config.DeviceId}/{address}", now, out var suppressed))
        {
            var alarm = new DeviceEvent(Guid.NewGuid(), DeviceEventKinds.AuthFailed, config.DeviceId, now,
                $"设备 {config.DeviceId} 的 TCP 端口拒绝了来自 {address} 的连接：{reason}", reason, address?.ToString(), Suppressed: suppressed);
            try
            {
                await sink.AcceptAsync(new JournalEntry(Topics.DeviceEvents, config.DeviceId, alarm.ToJson()), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "TCP device {DeviceId}: could not publish the refusal alarm", config.DeviceId);
            }
        }
        return true;
    }
}
