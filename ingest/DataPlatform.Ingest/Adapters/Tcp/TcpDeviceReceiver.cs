using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using DataPlatform.Ingest.Health;
using DataPlatform.Ingest.Journal;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>
/// One device connection's receive loop, whoever opened it (our listener or our dial): every chunk marks the
/// device seen and goes through a fresh framer of the device's handler. The line is read on while what it produced
/// is stored: a bounded queue per connection sits between the two, drained in order, each run of records stored with
/// one journal flush (<see cref="ITcpRecordSink.AcceptManyAsync"/>), so storing no longer paces the reads. A TCP line
/// cannot acknowledge, so when storing fails the store retries the run it holds, the queue fills up and the loop stops
/// reading, rather than dropping what was already read. When the connection ends, what was queued is stored (with a
/// short grace at shutdown), and a frame cut off mid-way becomes a dead letter, never a weighing: the framer only
/// completes whole frames.
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
    // Records read but not yet stored, per connection: a weighbridge's minutes of output, a reader's burst of tags.
    private const int QueueCapacity = 1024;
    private const int MaxRun = 256;
    private static readonly TimeSpan StoreGrace = TimeSpan.FromSeconds(10);
    private static readonly Func<int, TimeSpan> StoreBackoff = Retry.Doubling(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    /// <summary>Reads until the peer closes or the connection drops; returns the bytes received.</summary>
    public async Task<long> ReceiveAsync(TcpClient client, EndPoint? remote, CancellationToken ct)
    {
        logger.LogInformation("TCP device {DeviceId}: {Remote} connected", config.DeviceId, remote);
        var decoder = handler.Open();
        var stream = client.GetStream();
        var buffer = new byte[ReadBufferBytes];
        // Synchronous continuations: when the store is idle, a record read is handed to it on the reading thread and its
        // produce call is made before the loop reads on — no thread-pool hop between the line and Kafka.
        var queue = Channel.CreateBounded<TcpOutput>(new BoundedChannelOptions(QueueCapacity)
        {
            SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait, AllowSynchronousContinuations = true,
        });
        // Storing outlives the read: what was read must not be lost on the way out, also at shutdown.
        using var grace = new CancellationTokenSource();
        var storing = StoreAsync(queue.Reader, grace.Token);
        long received = 0;
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, ct)) > 0)
            {
                received += n;
                var now = time.GetUtcNow();
                health.Seen(config.DeviceId, now);
                foreach (var output in decoder.Push(buffer.AsSpan(0, n), now))
                    await queue.Writer.WriteAsync(output, ct);
            }
        }
        catch (IOException ex)
        {
            // A converter losing power or the network resets the connection: routine, not an error.
            logger.LogInformation("TCP device {DeviceId}: {Remote} dropped: {Message}", config.DeviceId, remote, ex.Message);
        }
        finally
        {
            grace.CancelAfter(StoreGrace);
            try
            {
                foreach (var output in decoder.Complete(time.GetUtcNow()))
                    await queue.Writer.WriteAsync(output, grace.Token);
            }
            catch (OperationCanceledException)
            {
                logger.LogError("TCP device {DeviceId}: records still unstored when the connection closed were dropped", config.DeviceId);
            }
            queue.Writer.TryComplete();
            await storing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (queue.Reader.Count > 0)
                logger.LogError("TCP device {DeviceId}: {Count} records read could not be stored before the connection closed and were dropped",
                    config.DeviceId, queue.Reader.Count);
        }
        logger.LogInformation("TCP device {DeviceId}: {Remote} disconnected", config.DeviceId, remote);
        return received;
    }

    // Drains the queue in order: consecutive records as one run, a dead letter on its own.
    private async Task StoreAsync(ChannelReader<TcpOutput> queue, CancellationToken ct)
    {
        var run = new List<JournalEntry>(MaxRun);
        while (await queue.WaitToReadAsync(ct))
        {
            while (run.Count < MaxRun && queue.TryPeek(out var next))
            {
                if (next.Message is { } m)
                {
                    run.Add(new JournalEntry(m.Topic, m.Key, DeviceMessageCodec.Encode(m)));
                    queue.TryRead(out _);
                    continue;
                }
                if (run.Count > 0) break;
                queue.TryRead(out _);
                await RetryAsync(c => sink.RejectAsync(next.Rejection!, c), ct);
            }
            if (run.Count == 0) continue;
            var records = run.ToList();
            await RetryAsync(c => sink.AcceptManyAsync(records, c), ct);
            run.Clear();
        }
    }

    // A TCP line cannot acknowledge: a run that could not be stored is retried (200 ms, doubling to 5 s) while the queue
    // fills and the line waits, never dropped.
    private Task RetryAsync(Func<CancellationToken, Task> store, CancellationToken ct) =>
        Retry.UntilDoneAsync(async () => { await store(ct); return true; }, StoreBackoff,
            (ex, attempt) => logger.LogError(ex, "TCP device {DeviceId}: could not store records (attempt {Attempt}); retrying", config.DeviceId, attempt),
            ct);
}
