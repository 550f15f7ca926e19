using System.Net;
using System.Net.Sockets;
using DataPlatform.Ingest.Health;
using DataPlatform.Ingest.Journal;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>
/// One device connection's receive loop, whoever opened it (our listener or our dial): every chunk marks the
/// device seen and goes through a fresh framer of the device's handler; what it completes is stored through the
/// sink. A TCP line cannot acknowledge, so when storing fails the loop stops reading and retries the record it
/// holds rather than dropping what was already read. When the connection ends, a frame cut off mid-way becomes a
/// dead letter, never a weighing: the framer only completes whole frames.
/// </summary>
public sealed class TcpDeviceReceiver(
    TcpDeviceConfig config,
    TcpDeviceHandler handler,
    ITcpRecordSink sink,
    DeviceHealthTracker health,
    TimeProvider time,
    ILogger logger)
{
    private const int ReadBufferBytes = 4096;

    /// <summary>Reads until the peer closes or the connection drops; returns the bytes received.</summary>
    public async Task<long> ReceiveAsync(TcpClient client, EndPoint? remote, CancellationToken ct)
    {
        logger.LogInformation("TCP device {DeviceId}: {Remote} connected", config.DeviceId, remote);
        var decoder = handler.Open();
        var stream = client.GetStream();
        var buffer = new byte[ReadBufferBytes];
        long received = 0;
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, ct)) > 0)
            {
                received += n;
                var now = time.GetUtcNow();
                health.Seen(config.DeviceId, now);
                await PublishAsync(decoder.Push(buffer.AsSpan(0, n), now), ct);
            }
        }
        catch (IOException ex)
        {
            // A converter losing power or the network resets the connection: routine, not an error.
            logger.LogInformation("TCP device {DeviceId}: {Remote} dropped: {Message}", config.DeviceId, remote, ex.Message);
        }
        finally
        {
            // What was read must not be lost on the way out, also at shutdown: a short grace for the last records.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await PublishAsync(decoder.Complete(time.GetUtcNow()), grace.Token);
        }
        logger.LogInformation("TCP device {DeviceId}: {Remote} disconnected", config.DeviceId, remote);
        return received;
    }

    private async Task PublishAsync(IReadOnlyList<TcpOutput> outputs, CancellationToken ct)
    {
        foreach (var output in outputs)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    if (output.Message is { } m)
                        await sink.AcceptAsync(new JournalEntry(m.Topic, m.Key, DeviceMessageCodec.Encode(m)), ct);
                    else if (output.Rejection is { } letter)
                        await sink.RejectAsync(letter, ct);
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "TCP device {DeviceId}: could not store a record (attempt {Attempt}); retrying", config.DeviceId, attempt + 1);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 200 << Math.Min(attempt, 5))), ct);
                }
            }
        }
    }
}
