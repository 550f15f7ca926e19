using System.Net;
using System.Net.Sockets;
using DataPlatform.Ingest.Health;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>
/// Connect mode: dials one TCP device (a serial-to-Ethernet converter set up as TCP server) and reads its frames
/// through the same handler and framers as the listener. After a drop or a failed dial it re-dials with back-off
/// and jitter (<see cref="ReconnectBackoff"/>). A connection is a sign of life; a failed dial marks the device
/// offline at once (<see cref="DeviceHealthTracker.Lost"/>), so the health monitor publishes the usual
/// <c>offline</c>/<c>online</c> device events without waiting out the silence window.
/// </summary>
public sealed class TcpDeviceConnector(
    TcpDeviceConfig config,
    TcpDeviceHandler handler,
    ITcpRecordSink sink,
    DeviceHealthTracker health,
    TimeProvider time,
    ILogger<TcpDeviceConnector> logger) : BackgroundService
{
    private static readonly TimeSpan DialTimeout = TimeSpan.FromSeconds(10);
    private readonly TcpDeviceReceiver _receiver = new(config, handler, sink, health, time, logger);
    private int _connects;

    /// <summary>Connections established since start.</summary>
    public int Connects => Volatile.Read(ref _connects);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var endpoint = config.Connect ?? throw new InvalidOperationException($"device {config.DeviceId} has no connect address");
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = await DialAsync(endpoint, stoppingToken);
                Interlocked.Increment(ref _connects);
                health.Seen(config.DeviceId, time.GetUtcNow());
                client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                var received = await _receiver.ReceiveAsync(client, client.Client.RemoteEndPoint, stoppingToken);
                // A converter that accepts and hangs up at once must not be re-dialled in a tight loop.
                failures = received > 0 ? 0 : failures + 1;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
            {
                failures++;
                health.Lost(config.DeviceId, time.GetUtcNow());
                logger.LogWarning("TCP device {DeviceId}: cannot reach {Endpoint} ({Failures} failed dials): {Message}",
                    config.DeviceId, endpoint, failures, ex.Message);
            }
            var delay = ReconnectBackoff.Delay(failures, config.ReconnectMin, config.ReconnectMax, Random.Shared.NextDouble());
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<TcpClient> DialAsync(EndPoint endpoint, CancellationToken ct)
    {
        var client = new TcpClient { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(DialTimeout);
        try
        {
            switch (endpoint)
            {
                case DnsEndPoint dns: await client.ConnectAsync(dns.Host, dns.Port, timeout.Token); break;
                case IPEndPoint ip: await client.ConnectAsync(ip, timeout.Token); break;
                default: throw new NotSupportedException(endpoint.ToString());
            }
            return client;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            client.Dispose();
            throw new TimeoutException($"no answer within {DialTimeout.TotalSeconds:0} s");
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
