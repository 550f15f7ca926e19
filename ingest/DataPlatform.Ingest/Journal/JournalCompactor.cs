using Confluent.Kafka;
using DataPlatform.Streams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ingest.Journal;

/// <summary>Deletes closed journal segments once the ledger writers' committed offsets passed all their records —
/// those records are in ClickHouse and no longer need the journal.</summary>
public sealed class JournalCompactor(
    IngestJournal journal,
    JournalProgress progress,
    IOptions<KafkaOptions> kafka,
    IOptions<IngestOptions> options,
    ILogger<JournalCompactor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(
            kafka.Value.Consumer(options.Value.LedgerConsumerGroup, "ingest-journal-compactor")).Build();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.JournalCompactionSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var segment in progress.Segments.Where(s => s < journal.CurrentSegment).ToList())
            {
                var highest = progress.HighestOffsets(segment);
                // Committed() asks the group coordinator without joining the group, so it never steals partitions.
                var committed = await Task.Run(() => consumer.Committed(highest.Keys, TimeSpan.FromSeconds(10)), stoppingToken);
                if (!committed.All(c => c.Offset.Value > highest[c.TopicPartition])) break;
                journal.Delete(segment);
                progress.Forget(segment);
                logger.LogInformation("Journal segment {Segment} is in the ledger; deleted", segment);
            }
        }
    }
}
