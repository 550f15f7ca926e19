using Confluent.Kafka;
using DataPlatform.Cli.Hosting;
using DataPlatform.Compliance.Integrity;
using DataPlatform.Gate;
using DataPlatform.Processing.Passages;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Integrity;

/// <summary>The processing role seals what it writes; verification passes on what it wrote and names what was
/// changed in ClickHouse afterwards.</summary>
[Collection(EnginesCollection.Name)]
public sealed class LedgerVerifyEndToEndTests(EnginesFixture engines)
{
    private const int Events = 900;

    [Fact]
    public async Task Verify_passes_after_a_processing_run_and_names_a_row_altered_afterwards_within_the_range_only()
    {
        await using var platform = TestPlatform.Create(engines);
        var host = await platform.StartAsync(PlatformRole.Processing);
        // 3 gates × 2 lanes, one event every 5 minutes: the stream spans four China dates.
        var events = Enumerable.Range(0, Events).Select(i => SealedLedger.Event(i, gates: 3, lanes: 2, step: TimeSpan.FromMinutes(5))).ToList();
        Produce(platform, events);
        Assert.Equal(Events, await platform.WaitForAsync("SELECT count() FROM passages", Events));
        await platform.StopAsync(host);

        var expectedChains = events.Select(e => PassageChain.For(PassageProjection.ToRow(e))).Distinct().ToList();
        var report = await SealedLedger.Verifier(platform).VerifyAsync(null, null, CancellationToken.None);
        Assert.True(report.IsIntact, SealedLedger.Describe(report.Findings));
        Assert.Equal(Events, report.Records);
        Assert.Equal(expectedChains.Count, report.Chains);
        Assert.Equal(24, report.Chains); // 6 lanes × 4 days: the fixture really spreads over lanes and days
        // Each chain is gapless from 0, and its stored head is its last row.
        Assert.Equal(0, await platform.ScalarAsync(
            "SELECT count() FROM (SELECT chain_key, count() c, max(chain_seq) m, uniqExact(chain_seq) u FROM passages GROUP BY chain_key HAVING c != m + 1 OR u != c)"));
        Assert.Equal(expectedChains.Count, await platform.ScalarAsync(
            """
            SELECT count() FROM (SELECT chain_key, max(last_seq) s, argMax(last_hash, last_seq) h FROM ledger_chain_heads GROUP BY chain_key) heads
            INNER JOIN (SELECT chain_key, max(chain_seq) s, argMax(record_hash, chain_seq) h FROM passages GROUP BY chain_key) rows
            ON heads.chain_key = rows.chain_key WHERE heads.s = rows.s AND heads.h = rows.h
            """));

        // Someone edits one plate of the first day directly in ClickHouse.
        var (id, chain) = await SealedLedger.RowAtAsync(platform, "G02", "L2", 3);
        var day = PassageChain.Parse(chain)!.Value.ChinaDate;
        await SealedLedger.MutateAsync(platform, $"ALTER TABLE passages UPDATE plate_no = '冀B99999' WHERE passage_id = '{id}'");

        var tampered = await SealedLedger.Verifier(platform).VerifyAsync(null, null, CancellationToken.None);
        var finding = Assert.Single(tampered.Findings);
        Assert.Equal(ChainFindingKind.Altered, finding.Kind);
        Assert.Equal(id.ToString(), finding.RecordId);
        Assert.Equal(3, finding.Sequence);
        Assert.Equal(chain, finding.Chain.ToString());

        var sameDay = await SealedLedger.Verifier(platform).VerifyAsync(day, day, CancellationToken.None);
        Assert.Equal(id.ToString(), Assert.Single(sameDay.Findings).RecordId);
        var otherDays = await SealedLedger.Verifier(platform).VerifyAsync(day.AddDays(1), day.AddDays(30), CancellationToken.None);
        Assert.True(otherDays.IsIntact, SealedLedger.Describe(otherDays.Findings));
        Assert.True(otherDays.Records is > 0 and < Events, $"the later days hold part of the ledger, checked {otherDays.Records}");
    }

    private static void Produce(TestPlatform platform, IEnumerable<GateEvent> events)
    {
        using var producer = new ProducerBuilder<string, byte[]>(platform.Kafka.CreateProducerConfig()).Build();
        foreach (var e in events)
            producer.Produce(Topics.GateRaw, new Message<string, byte[]> { Key = e.PartitionKey, Value = GateEventCodec.Serialize(e) });
        producer.Flush(TimeSpan.FromSeconds(30));
    }
}
