using DataPlatform.Engines.Kafka;

namespace DataPlatform.Benchmarks;

/// <summary>(4) The table, and how much of the slower raw engine the skeleton delivers end to end.</summary>
public static class Summary
{
    public static void Print(TextWriter output, EmbeddedKafkaProbeResult kafka, IReadOnlyList<InsertRun> inserts, EndToEndResult endToEnd)
    {
        var rows = new List<(string Measurement, string Units, double PerSecond)>
        {
            ($"(1) Kafka produce, {kafka.Messages:N0} x {kafka.PayloadBytes} B", "msg/s", kafka.ProduceMessagesPerSecond),
            ($"(1) Kafka consume, {kafka.Partitions} partitions", "msg/s", kafka.ConsumeMessagesPerSecond),
        };
        rows.AddRange(inserts.Select(r => ($"(2) ClickHouse insert, {r.Label}", "rows/s", r.RowsPerSecond)));
        rows.Add(($"(3) End to end, HTTP accepted", "events/s", endToEnd.AcceptedPerSecond));
        rows.Add(($"(3) End to end, in the ledger", "events/s", endToEnd.InLedgerPerSecond));

        output.WriteLine("== Summary ==");
        var width = rows.Max(r => r.Measurement.Length);
        output.WriteLine($"| {"Measurement".PadRight(width)} | {"Throughput",12} | {"Unit",-8} |");
        output.WriteLine($"|-{new string('-', width)}-|-{new string('-', 12)}:|-{new string('-', 8)}-|");
        foreach (var (measurement, units, perSecond) in rows)
            output.WriteLine($"| {measurement.PadRight(width)} | {perSecond,12:N0} | {units,-8} |");
        output.WriteLine();

        var rawKafka = KafkaBenchmark.RawMessagesPerSecond(kafka);
        var slowestInsert = inserts.MinBy(r => r.RowsPerSecond)!;
        var (floorName, floor) = rawKafka <= slowestInsert.RowsPerSecond
            ? ("raw Kafka (slower of produce and consume)", rawKafka)
            : ($"raw ClickHouse ({slowestInsert.Label})", slowestInsert.RowsPerSecond);
        output.WriteLine($"Raw Kafka        {rawKafka,12:N0} msg/s   (slower of produce and consume)");
        output.WriteLine($"Raw ClickHouse   {slowestInsert.RowsPerSecond,12:N0} rows/s  (slower insert: {slowestInsert.Label})");
        output.WriteLine($"Slower raw       {floor,12:N0} per s   = {floorName}");
        output.WriteLine($"End to end       {endToEnd.InLedgerPerSecond,12:N0} events/s (in the ledger)");
        output.WriteLine($"RATIO end-to-end / slower raw engine = {endToEnd.InLedgerPerSecond / floor:F3}  ({100 * endToEnd.InLedgerPerSecond / floor:F1} %)");
        if (!endToEnd.Complete) output.WriteLine("WARNING: the end-to-end run did not get every event into the ledger; its figures are not valid.");
    }
}
