using System.Buffers.Binary;
using System.Collections;
using System.Diagnostics;
using Confluent.Kafka;

namespace DataPlatform.Engines.Kafka;

/// <summary>Throughput of one <see cref="EmbeddedKafkaProbe"/> run.</summary>
/// <param name="Messages">Messages produced in each phase.</param>
/// <param name="Partitions">Partitions of the probe topics.</param>
/// <param name="PayloadBytes">Value size of every message (no key).</param>
/// <param name="ProduceMessagesPerSecond">Idempotent produce, until every delivery report arrived.</param>
/// <param name="ConsumeMessagesPerSecond">Consumer group throughput, first to last message.</param>
/// <param name="GroupJoin">Subscribe until the consumer owned every partition.</param>
/// <param name="Consumed">Distinct messages consumed; less than <paramref name="Messages"/> means loss.</param>
/// <param name="DeliveryFailures">Delivery reports with an error, over both phases.</param>
public sealed record EmbeddedKafkaProbeResult(
    int Messages,
    int Partitions,
    int PayloadBytes,
    double ProduceMessagesPerSecond,
    double ConsumeMessagesPerSecond,
    TimeSpan GroupJoin,
    long Consumed,
    long DeliveryFailures);

/// <summary>
/// Measures the embedded cluster on this machine, for the benchmark project: not a test, it asserts nothing.
/// </summary>
/// <remarks>
/// Two phases on a fresh cluster. Produce: an idempotent producer writes every message with nobody
/// reading. Consume: a consumer group reads while a second idempotent producer writes, because a mock
/// partition keeps only 5 MiB (1 M messages of 200 bytes on 16 partitions is ~13 MiB each). That
/// producer writes round-robin and holds back whenever any partition's backlog nears the limit, so
/// nothing is dropped and the consumer is what is measured.
/// </remarks>
public static class EmbeddedKafkaProbe
{
    // Well under the mock's 5 MiB per partition: the consumer does not drain partitions evenly.
    private const long MaxBacklogBytesPerPartition = 2L * 1024 * 1024;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);

    /// <summary>Runs both phases with <paramref name="messages"/> messages each.</summary>
    public static Task<EmbeddedKafkaProbeResult> MeasureAsync(
        int messages, int partitions = 16, int payloadBytes = 200, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(payloadBytes, sizeof(int));
        return Task.Run(() => Measure(messages, partitions, payloadBytes, cancellationToken), cancellationToken);
    }

    private static EmbeddedKafkaProbeResult Measure(int messages, int partitions, int payloadBytes, CancellationToken ct)
    {
        using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions
        {
            Topics = { ["probe-produce"] = partitions, ["probe-consume"] = partitions },
        });
        long failures = 0;
        void CountFailure() => Interlocked.Increment(ref failures);

        var produceTime = Stopwatch.StartNew();
        ProduceAll(kafka, "probe-produce", messages, payloadBytes, roundRobin: 0, _ => true, CountFailure, ct);
        produceTime.Stop();

        using var consumer = JoinedConsumer(kafka, "probe-consume", partitions, ct, out var groupJoin);
        var perPartition = new long[partitions];
        var maxBacklog = Math.Max(1L, MaxBacklogBytesPerPartition / payloadBytes);
        using var stopFeeder = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var feeder = Task.Run(
            () => ProduceAll(kafka, "probe-consume", messages, payloadBytes, partitions,
                i => i / partitions - Volatile.Read(ref perPartition[i % partitions]) < maxBacklog, CountFailure, stopFeeder.Token),
            stopFeeder.Token);

        var seen = new BitArray(messages);
        long distinct = 0;
        var first = TimeSpan.Zero;
        var last = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        try
        {
            while (distinct < messages && clock.Elapsed - last < Idle && !feeder.IsFaulted)
            {
                ct.ThrowIfCancellationRequested();
                var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (result?.Message?.Value is not { Length: >= sizeof(int) } value)
                {
                    continue;
                }
                Interlocked.Increment(ref perPartition[result.Partition.Value]);
                var index = BinaryPrimitives.ReadInt32LittleEndian(value);
                if (index >= 0 && index < messages && !seen[index])
                {
                    seen[index] = true;
                    distinct++;
                }
                last = clock.Elapsed;
                if (first == TimeSpan.Zero)
                {
                    first = last;
                }
            }
        }
        finally
        {
            // A stalled consumer would otherwise leave the feeder waiting on its backlog limit forever.
            stopFeeder.Cancel();
            try
            {
                feeder.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            consumer.Close();
        }

        return new EmbeddedKafkaProbeResult(
            messages,
            partitions,
            payloadBytes,
            messages / produceTime.Elapsed.TotalSeconds,
            distinct / Math.Max((last - first).TotalSeconds, 1e-6),
            groupJoin,
            distinct,
            Interlocked.Read(ref failures));
    }

    private static IConsumer<Ignore, byte[]> JoinedConsumer(
        EmbeddedKafka kafka, string topic, int partitions, CancellationToken ct, out TimeSpan joinTime)
    {
        var config = kafka.CreateConsumerConfig("probe");
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        config.EnableAutoCommit = false;
        var consumer = new ConsumerBuilder<Ignore, byte[]>(config).Build();
        var clock = Stopwatch.StartNew();
        consumer.Subscribe(topic);
        // Joining before anything is produced keeps the group join out of the consume figure.
        while (consumer.Assignment.Count < partitions)
        {
            if (ct.IsCancellationRequested || clock.Elapsed > Idle)
            {
                var owned = consumer.Assignment.Count;
                consumer.Dispose();
                ct.ThrowIfCancellationRequested();
                throw new TimeoutException($"Probe consumer got {owned} of {partitions} partitions.");
            }
            consumer.Consume(TimeSpan.FromMilliseconds(100));
        }
        joinTime = clock.Elapsed;
        return consumer;
    }

    /// <remarks>
    /// <para><paramref name="roundRobin"/>: 0: librdkafka's partitioner; otherwise message i goes to partition i %
    /// roundRobin.</para>
    /// <para><paramref name="mayProduce"/>: Asked before message i; false waits.</para>
    /// </remarks>
    private static void ProduceAll(
        EmbeddedKafka kafka, string topic, int messages, int payloadBytes, int roundRobin,
        Func<int, bool> mayProduce, Action onFailure, CancellationToken ct)
    {
        var config = kafka.CreateProducerConfig();
        config.EnableIdempotence = true;
        config.QueueBufferingMaxMessages = 500_000;
        // Only the outcome is needed; copying keys and values back into each report costs throughput.
        config.DeliveryReportFields = "status";
        using var producer = new ProducerBuilder<Null, byte[]>(config).Build();
        Action<DeliveryReport<Null, byte[]>> report = r =>
        {
            if (r.Error.IsError)
            {
                onFailure();
            }
        };
        var targets = Enumerable.Range(0, roundRobin).Select(p => new TopicPartition(topic, p)).ToArray();
        var payload = new byte[payloadBytes];
        Random.Shared.NextBytes(payload);
        var message = new Message<Null, byte[]> { Value = payload };
        for (var i = 0; i < messages; i++)
        {
            // librdkafka copies the value during Produce, so the buffer can be rewritten for the next one.
            BinaryPrimitives.WriteInt32LittleEndian(payload, i);
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                if (!mayProduce(i))
                {
                    producer.Poll(TimeSpan.FromMilliseconds(1));
                    continue;
                }
                try
                {
                    if (roundRobin == 0)
                    {
                        producer.Produce(topic, message, report);
                    }
                    else
                    {
                        producer.Produce(targets[i % roundRobin], message, report);
                    }
                    break;
                }
                catch (ProduceException<Null, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }
        while (producer.Flush(TimeSpan.FromSeconds(1)) > 0)
        {
            ct.ThrowIfCancellationRequested();
        }
    }
}
