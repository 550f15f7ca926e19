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
        var groups = options.Value.JournalConsumerGroups;
        var consumers = groups.Values.Distinct().ToDictionary(g => g, g =>
            new ConsumerBuilder<byte[], byte[]>(kafka.Value.Consumer(g, "ingest-journal-compactor")).Build());
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.JournalCompactionSeconds));
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                journal.RollIfIdle();
                foreach (var segment in progress.Segments.Where(s => s < journal.CurrentSegment).ToList())
                {
                    if (!journal.IsSettled(segment) || !await TakenAsync(progress.HighestOffsets(segment), groups, consumers, stoppingToken)) break;
                    journal.Delete(segment);
                    progress.Forget(segment);
                    logger.LogInformation("Journal segment {Segment} is in the ledger; deleted", segment);
                }
            }
        }
        finally
        {
            foreach (var consumer in consumers.Values) consumer.Dispose();
        }
    }

    private static async Task<bool> TakenAsync(IReadOnlyDictionary<TopicPartition, long> highest,
        Dictionary<string, string> groups, Dictionary<string, IConsumer<byte[], byte[]>> consumers, CancellationToken ct)
    {
        foreach (var byGroup in highest.Keys.Where(tp => groups.ContainsKey(tp.Topic)).GroupBy(tp => groups[tp.Topic]))
        {
            // Committed() asks the group coordinator without joining the group, so it never steals partitions.
            var committed = await Task.Run(() => consumers[byGroup.Key].Committed(byGroup, TimeSpan.FromSeconds(10)), ct);
            if (!committed.All(c => c.Offset.Value > highest[c.TopicPartition])) return false;
        }
        return true;
    }
}
