using Confluent.Kafka;
using DataPlatform.Cli.Hosting;
using DataPlatform.Gate;
using DataPlatform.Processing.Passages;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Tests.Processing;

[Collection(EnginesCollection.Name)]
public sealed class CrashRecoveryTests(EnginesFixture engines)
{
    [Fact]
    public async Task A_processor_killed_after_inserting_but_before_committing_leaves_one_row_per_event_after_restart()
    {
        await using var platform = TestPlatform.Create(engines);
        const int events = 2000;

        // The doomed processor: the same writer the service uses, driven by a consumer of the service's group
        // that inserts a batch and then dies without committing — the window the guarantee is about.
        var first = await platform.StartAsync(PlatformRole.Processing);
        await platform.StopAsync(first); // leaves the schema migrated and the group with no committed offsets
        await ProduceRawAsync(platform, events); // only now, so the first processor cannot have taken any
        var writerHost = await platform.StartAsync(PlatformRole.Analytics);
        var writer = ActivatorUtilities.CreateInstance<PassageWriter>(writerHost.Services);
        var inserted = 0;
        var config = platform.Kafka.CreateConsumerConfig("processing");
        config.EnableAutoCommit = false;
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        using (var doomed = new ConsumerBuilder<string, byte[]>(config).Build())
        {
            doomed.Subscribe(Topics.GateRaw);
            var batch = new List<PassageRow>();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (batch.Count < events / 2 && DateTime.UtcNow < deadline)
            {
                var result = doomed.Consume(TimeSpan.FromMilliseconds(200));
                if (result?.Message is null) continue;
                batch.Add(PassageProjection.ToRow(GateEventCodec.Parse(result.Message.Value, DateTimeOffset.UtcNow).Event!));
            }
            inserted = await writer.WriteAsync(batch, CancellationToken.None);
            // No Commit: disposing here is the crash.
        }
        Assert.True(inserted >= events / 2, $"the doomed processor should have inserted half the events, inserted {inserted}");

        await platform.StartAsync(PlatformRole.Processing);
        Assert.Equal(events, await platform.WaitForAsync("SELECT count() FROM passages", events));
        await Task.Delay(500); // let a late duplicate show, if the guard failed
        Assert.Equal(events, await platform.ScalarAsync("SELECT count() FROM passages"));
        Assert.Equal(events, await platform.ScalarAsync("SELECT uniqExact(passage_id) FROM passages"));
    }

    private static async Task ProduceRawAsync(TestPlatform platform, int events)
    {
        using var producer = new ProducerBuilder<string, byte[]>(platform.Kafka.CreateProducerConfig()).Build();
        for (var i = 0; i < events; i++)
        {
            var parsed = GateEventCodec.Parse(System.Text.Encoding.UTF8.GetBytes(
                GateEvents.Json($"crash-{i}", gate: $"G0{i % 3 + 1}")), DateTimeOffset.UtcNow).Event!;
            producer.Produce(Topics.GateRaw, new Message<string, byte[]> { Key = parsed.PartitionKey, Value = GateEventCodec.Serialize(parsed) });
        }
        producer.Flush(TimeSpan.FromSeconds(30));
        await Task.CompletedTask;
    }
}
