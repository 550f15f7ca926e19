using DataPlatform.Ingest.Journal;

namespace DataPlatform.Tests.Ingest;

public sealed class IngestJournalTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dataplatform-tests", "journal-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task What_one_run_acknowledged_the_next_run_replays_then_drops()
    {
        await using (var first = new IngestJournal(_directory))
        {
            Assert.Empty(first.ReadPrevious());
            await Task.WhenAll(Enumerable.Range(0, 500).Select(i => first.AppendAsync(new JournalEntry("gate.raw", $"k{i}", [(byte)i]))));
        }

        await using (var second = new IngestJournal(_directory))
        {
            var replayed = second.ReadPrevious().ToList();
            Assert.Equal(500, replayed.Count);
            Assert.Equal(Enumerable.Range(0, 500).Select(i => $"k{i}").Order(), replayed.Select(e => e.Key).Order());
            second.DeletePrevious();
            await second.AppendAsync(new JournalEntry("gate.raw", "new", [1]));
        }

        await using var third = new IngestJournal(_directory);
        Assert.Equal(["new"], third.ReadPrevious().Select(e => e.Key));
    }

    [Fact]
    public async Task An_append_completes_only_once_on_disk_and_names_its_segment()
    {
        await using var journal = new IngestJournal(_directory);
        var segment = await journal.AppendAsync(new JournalEntry("gate.raw", "k", [1, 2, 3]));
        Assert.Equal(journal.CurrentSegment, segment);
        var file = Directory.GetFiles(_directory, "journal-*.log").Single();
        Assert.Equal(JournalFormat.Encode(new JournalEntry("gate.raw", "k", [1, 2, 3])).Length, new FileInfo(file).Length);
    }

    [Fact]
    public async Task A_segment_is_settled_only_when_every_record_in_it_reached_kafka()
    {
        await using var journal = new IngestJournal(_directory);
        var first = await journal.AppendAsync(new JournalEntry("gate.raw", "a", [1]));
        var second = await journal.AppendAsync(new JournalEntry("gate.raw", "b", [2]));
        Assert.Equal(first, second);
        Assert.False(journal.IsSettled(first));
        journal.Settle(first);
        Assert.False(journal.IsSettled(first)); // one record is still owed to Kafka
        journal.Settle(second);
        Assert.True(journal.IsSettled(first));
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
