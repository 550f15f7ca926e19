using DataPlatform.Devices.Weighbridge;
using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Trips;
using DataPlatform.Processing.Weighings;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DataPlatform.Tests.Reviews.ReviewPlatform;

namespace DataPlatform.Tests.Trips;

/// <summary>Weighings ledger, trips job and ledger.records on the real engines, with the processing role only.</summary>
[Collection(EnginesCollection.Name)]
public sealed class TripsLedgerTests(EnginesFixture engines)
{
    private const string Plate = "冀B12345";

    [Fact]
    public async Task Entry_exit_and_gross_tare_weighings_become_one_closed_trip_published_once_per_record()
    {
        await using var run = await ProcessingRun.StartAsync(engines);
        var (platform, host, producer) = run;

        // Recent times: the job pairs a sliding window ending now.
        var entry = ChinaTime.From(DateTimeOffset.UtcNow.AddHours(-2)).AddTicks(-(DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerSecond));
        var exit = entry.AddHours(1);
        await SendAsync(producer, Event("trip-in-1", Plate, Direction.In, entry));
        await SendAsync(producer, Event("trip-out-1", Plate, Direction.Out, exit));
        var gross = Weighing("wb-gross-1", Plate, entry.AddMinutes(10), 49_000m, WeighingKind.Gross, "煤炭");
        var tare = Weighing("wb-tare-1", Plate, entry.AddMinutes(40), 15_500m, WeighingKind.Tare, null);
        // Each weighing twice: a redelivery must not become a second row.
        foreach (var w in new[] { gross, tare, gross, tare }) await SendAsync(producer, w);

        Assert.Equal(2, await platform.WaitForAsync("SELECT count() FROM weighings", 2));
        Assert.Equal(2, await platform.WaitForAsync("SELECT count() FROM passages", 2));
        // A run between the passages and the weighings writes the trip without weights first; the next run rewrites it.
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM trips FINAL WHERE status = 'closed' AND net_kg = 33500", 1));
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM trips FINAL"));
        Assert.Equal(2, await platform.ScalarAsync("SELECT count() FROM weighings"));

        var entryId = PassageIdentity.For(Enterprise, "G01", "trip-in-1");
        var tripId = TripIdentity.For(entryId);
        using (var reader = await platform.Client.ExecuteReaderAsync(
                   "SELECT trip_id, entry_passage_id, exit_passage_id, net_kg, gross_kg, tare_kg, cargo_name, load, plate_no, plate_color, length(weighing_ids) FROM trips FINAL"))
        {
            Assert.True(reader.Read());
            Assert.Equal(tripId, reader.GetGuid(0));
            Assert.Equal(entryId, reader.GetGuid(1));
            Assert.Equal(PassageIdentity.For(Enterprise, "G01", "trip-out-1"), (Guid)reader.GetValue(2));
            Assert.Equal(33_500, Convert.ToInt32(reader.GetValue(3)));
            Assert.Equal(49_000, Convert.ToInt32(reader.GetValue(4)));
            Assert.Equal(15_500, Convert.ToInt32(reader.GetValue(5)));
            Assert.Equal("煤炭", reader.GetString(6));
            Assert.Equal("inbound", reader.GetString(7));
            Assert.Equal(Plate, reader.GetString(8));
            Assert.Equal("yellow", reader.GetString(9));
            Assert.Equal(2, Convert.ToInt32(reader.GetValue(10)));
        }

        // Re-running the job changes nothing: no new trip version, no duplicate row even before a merge.
        var job = host.Services.GetRequiredService<TripJob>();
        var rows = await platform.ScalarAsync("SELECT count() FROM trips");
        Assert.Equal(0, (await job.RunOnceAsync(CancellationToken.None)).Trips);
        Assert.Equal(0, (await job.RunOnceAsync(CancellationToken.None)).Trips);
        Assert.Equal(rows, await platform.ScalarAsync("SELECT count() FROM trips"));

        // ledger.records: both passages and the closed trip, keyed enterprise/gate, ids as in the ledger.
        var records = ReadRecords(platform, r => r.Select(x => x.RecordId).Distinct().Count() >= 3, TimeSpan.FromSeconds(60));
        Assert.Equal(
            new[] { ("passage", entryId), ("passage", PassageIdentity.For(Enterprise, "G01", "trip-out-1")), ("trip", tripId) }
                .OrderBy(x => x.Item2).ToArray(),
            records.Select(r => (r.Kind, r.RecordId)).Distinct().OrderBy(x => x.RecordId).ToArray());
        // The newest version of the trip carries the weights (an earlier, weightless version may precede it).
        var trip = records.Where(r => r.Kind == "trip").MaxBy(r => r.Json.GetProperty("version").GetUInt64())!;
        Assert.Equal(33_500, trip.Json.GetProperty("netKg").GetInt32());
        Assert.Equal("煤炭", trip.Json.GetProperty("cargoName").GetString());
        Assert.Equal($"{Enterprise}/G01", trip.Key);

        // The marks are stored: another run publishes nothing more.
        Assert.Equal(0, (await job.RunOnceAsync(CancellationToken.None)).Records);
    }

    [Fact]
    public void The_weighing_reader_reads_what_the_device_codec_writes()
    {
        var w = Weighing("wb-1", Plate, ChinaTime.From(new DateTimeOffset(2026, 11, 28, 9, 15, 30, 123, TimeSpan.FromHours(8))),
            30_123.5m, WeighingKind.Tare, "钢材");
        var (row, reason) = WeighingJsonReader.Read(DeviceMessageCodec.Encode(w));
        Assert.Null(reason);
        Assert.Equal(WeighingIdentity.For(Enterprise, "wb-1"), row!.WeighingId);
        Assert.Equal(30_123.5m, row.WeightKg);
        Assert.Equal("tare", row.Kind);
        Assert.Equal("钢材", row.CargoName);
        Assert.Equal(Plate, row.PlateNo);
        Assert.Equal(new DateTime(2026, 11, 28, 1, 15, 30, 123, DateTimeKind.Utc), row.WeighTime);
        Assert.NotNull(WeighingJsonReader.Read("{\"type\":\"tag-read\",\"version\":1}"u8).Reason);
    }
}
