using DataPlatform.Engines.Kafka;

namespace DataPlatform.Benchmarks;

/// <summary>(1) The embedded Kafka on its own: idempotent produce, then a consumer group reading.</summary>
public static class KafkaBenchmark
{
    public const int Partitions = 16;
    public const int PayloadBytes = 200;

    public static async Task<EmbeddedKafkaProbeResult> RunAsync(int messages, TextWriter output, CancellationToken ct)
    {
        output.WriteLine($"== (1) Raw embedded Kafka: {messages:N0} messages x {PayloadBytes} B on {Partitions} partitions ==");
        var result = await EmbeddedKafkaProbe.MeasureAsync(messages, Partitions, PayloadBytes, ct);
        output.WriteLine($"Produce    {result.ProduceMessagesPerSecond,12:N0} msg/s  (idempotent, until every delivery report)");
        output.WriteLine($"Consume    {result.ConsumeMessagesPerSecond,12:N0} msg/s  (consumer group, first to last message; group join {result.GroupJoin.TotalSeconds:F2} s not counted)");
        output.WriteLine($"Raw Kafka  {RawMessagesPerSecond(result),12:N0} msg/s  (the slower of the two: the probe does not time produce-to-consume as one span)");
        if (result.Consumed < messages || result.DeliveryFailures > 0)
        {
            output.WriteLine($"WARNING    consumed {result.Consumed:N0} of {messages:N0}, {result.DeliveryFailures:N0} failed deliveries");
        }
        output.WriteLine();
        return result;
    }

    public static double RawMessagesPerSecond(EmbeddedKafkaProbeResult result) =>
        Math.Min(result.ProduceMessagesPerSecond, result.ConsumeMessagesPerSecond);
}
