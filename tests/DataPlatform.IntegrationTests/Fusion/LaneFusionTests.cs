using System.Text;
using Confluent.Kafka;
using DataPlatform.Gate;
using DataPlatform.Processing.Passages;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using static DataPlatform.Tests.Reviews.ReviewPlatform;

namespace DataPlatform.Tests.Fusion;

/// <summary>Lane read fusion on the real engines: a lane's second camera reading the same truck is one passage, one
/// gate decision, and a kept read in <c>lane_reads</c> — across a processor restart too.</summary>
[Collection(EnginesCollection.Name)]
public sealed class LaneFusionTests(EnginesFixture engines)
{
    private static GateEvent Read(string id, string device, string plate, DateTimeOffset time, double confidence, string lane = "L1") =>
        Event(id, plate, Direction.In, time, confidence, lane) with { DeviceId = device };

    [Fact]
    public async Task Agreeing_and_conflicting_second_camera_reads_become_one_passage_each_with_one_decision()
    {
        await using var run = await ProcessingRun.StartAsync(engines);
        var (platform, host, producer) = run;
        var t = RecentChinaTime(TimeSpan.FromHours(1));

        // Lane 1: both cameras read 冀B12345 with middling confidence: one passage, surer than either read.
        await SendAsync(producer, Read("fu-a1", "cam-01", "冀B12345", t, 0.7));
        await SendAsync(producer, Read("fu-a2", "cam-01b", "冀B12345", t, 0.75));
        // Lane 2: the cameras disagree on a confusable character and the registry knows neither: review, both kept.
        await SendAsync(producer, Read("fu-c1", "cam-02", "冀B10085", t.AddSeconds(1), 0.95, "L2"));
        await SendAsync(producer, Read("fu-c2", "cam-02b", "冀B1D085", t.AddSeconds(2), 0.6, "L2"));
        // Lane 1 again, 30 s later: the same camera reads another truck — a new passage, not a corroboration.
        await SendAsync(producer, Read("fu-n1", "cam-01", "冀B67890", t.AddSeconds(30), 0.97));

        Assert.Equal(3, await platform.WaitForAsync("SELECT count() FROM passages", 3));
        Assert.Equal(2, await platform.WaitForAsync("SELECT count() FROM lane_reads", 2));
        var agreed = PassageIdentity.For(Enterprise, "G01", "fu-a1");
        var conflict = PassageIdentity.For(Enterprise, "G01", "fu-c1");
        Assert.Equal(1, await platform.ScalarAsync(
            $"SELECT count() FROM passages_effective WHERE passage_id = '{agreed}' AND plate_no = '冀B12345' AND review_status = 'none' AND confidence > 0.92"));
        Assert.Equal(1, await platform.ScalarAsync(
            $"SELECT count() FROM lane_reads WHERE passage_id = '{agreed}' AND event_id = 'fu-a2' AND relation = 'agree' AND device_id = 'cam-01b'"));
        Assert.Equal(1, await platform.ScalarAsync(
            $"SELECT count() FROM review_queue WHERE passage_id = '{conflict}' AND has(review_candidates, '冀B10085') AND has(review_candidates, '冀B1D085')"));
        Assert.Equal(1, await platform.ScalarAsync(
            $"SELECT count() FROM lane_reads WHERE passage_id = '{conflict}' AND event_id = 'fu-c2' AND relation = 'conflict'"));

        // One decision per passage: the second cameras' reads sent no barrier command.
        Assert.Equal(3, await platform.WaitForAsync("SELECT count() FROM gate_decisions", 3));
        Assert.Equal(0, await platform.ScalarAsync("SELECT count() FROM gate_decisions WHERE event_id IN ('fu-a2', 'fu-c2')"));

        // Only the certain passages reach the regulator; the flagged one waits for its review.
        var records = ReadRecords(platform, r => r.Count(x => x.Kind == "passage") >= 2, TimeSpan.FromSeconds(30));
        Assert.Contains(records, r => r.RecordId == agreed);
        Assert.DoesNotContain(records, r => r.RecordId == conflict);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_read_arriving_after_a_restart_joins_the_stored_passage_instead_of_making_a_second_one()
    {
        await using var platform = TestPlatform.Create(engines);
        CreateTopics(platform);
        using var producer = Producer(platform);
        var t = RecentChinaTime(TimeSpan.FromHours(2));
        using (var first = await StartProcessingAsync(platform))
        {
            await SendAsync(producer, Read("fr-1", "cam-01", "冀B12345", t, 0.96));
            Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM passages", 1));
            Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM gate_decisions", 1));
            await first.StopAsync();
        }
        using var second = await StartProcessingAsync(platform);
        // The second camera's read of the same truck, and the first camera's event re-pushed.
        await SendAsync(producer, Read("fr-2", "cam-01b", "冀B12345", t.AddSeconds(1), 0.9));
        await SendAsync(producer, Read("fr-1", "cam-01", "冀B12345", t, 0.96));
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM lane_reads WHERE event_id = 'fr-2' AND relation = 'late'", 1));
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM passages"));
        // The decision service reloaded what it had decided: no decision for the corroborating read.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM gate_decisions"));
        await second.StopAsync();
    }
    [Fact]
    public async Task A_second_camera_read_arriving_after_the_next_truck_in_the_same_batch_is_kept_as_late()
    {
        await using var platform = TestPlatform.Create(engines);
        CreateTopics(platform);
        using var producer = Producer(platform);
        var t = RecentChinaTime(TimeSpan.FromHours(3));
        // Sent before the processor starts, so it reads them as one batch: the next truck (t + 30 s) closes the first
        // passage's window before the first truck's second-camera read, delayed on its way, arrives.
        await SendAsync(producer, Read("fo-1", "cam-01", "冀B12345", t, 0.97));
        await SendAsync(producer, Read("fo-2", "cam-01", "冀B67890", t.AddSeconds(30), 0.97));
        await SendAsync(producer, Read("fo-3", "cam-01b", "冀B12346", t.AddSeconds(1), 0.75));
        using var host = await StartProcessingAsync(platform);

        Assert.Equal(2, await platform.WaitForAsync("SELECT count() FROM passages", 2));
        var first = PassageIdentity.For(Enterprise, "G01", "fo-1");
        // Late whether or not its passage was written yet (the ledger must not depend on how reads fell into batches):
        // linked and compared, but the passage is settled from the reads before its window closed.
        Assert.Equal(1, await platform.WaitForAsync(
            $"SELECT count() FROM lane_reads WHERE passage_id = '{first}' AND event_id = 'fo-3' AND relation = 'late' AND passage_plate = '冀B12345'", 1));
        Assert.Equal(1, await platform.ScalarAsync($"SELECT count() FROM passages WHERE passage_id = '{first}' AND plate_no = '冀B12345' AND confidence > 0.96 AND confidence < 0.98"));
        Assert.Equal(2, await platform.WaitForAsync("SELECT count() FROM gate_decisions", 2));
        await host.StopAsync();
    }
    private static Task SendTagAsync(IProducer<string, byte[]> producer, string id, string plate, DateTimeOffset time, string lane = "L1")
    {
        var tag = new LaneTagRead(id, Enterprise, "G01", lane, "rfid-" + lane, time, "E200" + id.GetHashCode().ToString("X8"), plate, null);
        return producer.ProduceAsync(Topics.GateRaw, new Message<string, byte[]> { Key = tag.PartitionKey, Value = tag.ToJson() });
    }

    [Fact]
    public async Task A_registered_etag_read_corrects_a_confusable_camera_read_and_an_unmatched_one_is_kept()
    {
        await using var run = await ProcessingRun.StartAsync(engines);
        var (platform, host, producer) = run;
        var t = RecentChinaTime(TimeSpan.FromHours(4));

        // The reader reads the tag before the truck reaches the camera, which misreads D as 0.
        await SendTagAsync(producer, "ft-1", "冀B1D085", t);
        await SendAsync(producer, Read("fc-1", "cam-01", "冀B10085", t.AddSeconds(2), 0.95));
        // Lane 2: a tag read no camera read comes near.
        await SendTagAsync(producer, "ft-2", "冀B67890", t, "L2");
        // Not JSON of a tag read although it says so: dead-lettered with the reason, nothing else lost.
        await producer.ProduceAsync(Topics.GateRaw, new Message<string, byte[]>
            { Key = $"{Enterprise}/G01/L1", Value = Encoding.UTF8.GetBytes($"{{\"type\":\"{LaneTagRead.TypeName}\",\"version\":1}}") });

        var passage = PassageIdentity.For(Enterprise, "G01", "fc-1");
        Assert.Equal(1, await platform.WaitForAsync(
            $"SELECT count() FROM passages WHERE passage_id = '{passage}' AND plate_no = '冀B1D085' AND review_reason = ''", 1));
        Assert.Equal(1, await platform.WaitForAsync(
            $"SELECT count() FROM lane_reads WHERE passage_id = '{passage}' AND event_id = 'ft-1' AND source = 'etag' AND position(rule, '电子标识') > 0", 1));
        Assert.Equal(1, await platform.WaitForAsync(
            "SELECT count() FROM lane_reads WHERE event_id = 'ft-2' AND relation = 'unmatched' AND passage_id = toUUID('00000000-0000-0000-0000-000000000000')", 1));
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM rejected_payloads WHERE reason_code = 'invalid-tag-read'", 1));
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM passages"));
        // Tag reads are no gate events: the gate decided once, on the camera's read.
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM gate_decisions", 1));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM gate_decisions"));
        await host.StopAsync();
    }
}
