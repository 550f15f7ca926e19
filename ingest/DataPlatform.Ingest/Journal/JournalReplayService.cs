using DataPlatform.Ingest.Publishing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Ingest.Journal;

/// <summary>
/// Before devices are listened to, re-accepts what an earlier run journaled: each record is journaled again in
/// this run and published to the (possibly fresh, in-memory) broker, then the old segments go. Records the
/// ledger already holds are dropped there by their deterministic ids.
/// </summary>
public sealed class JournalReplayService(IngestJournal journal, DurableIngest ingest, ILogger<JournalReplayService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var pending = new List<Task>();
        var count = 0;
        foreach (var entry in journal.ReadPrevious())
        {
            pending.Add(ingest.AcceptAsync(entry, cancellationToken));
            count++;
            if (pending.Count >= 10_000) { await Task.WhenAll(pending); pending.Clear(); }
        }
        await Task.WhenAll(pending);
        journal.DeletePrevious();
        if (count > 0) logger.LogInformation("Replayed {Count} journaled records from the previous run", count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
