using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorSimulator.Faults;
using DataPlatform.RegulatorSimulator.Store;
using FsCheck;
using FsCheck.Fluent;

namespace DataPlatform.RegulatorSimulator.Tests;

public sealed class StoreProperties
{
    private static DateTimeOffset Now => DateTimeOffset.Now;

    /// <summary>One upload of a test sequence: which of a few record ids, which kind, real-time or 补传, and whether
    /// it is signed with the wrong key (a refused attempt).</summary>
    public sealed record Upload(int Id, bool Register, bool Backfill, bool Forged);

    private static readonly Gen<List<Upload>> Sequences =
        from n in Gen.Choose(1, 24)
        from uploads in Gen.ListOf(
            from id in Gen.Choose(0, 6)
            from register in Gen.Elements(false, true)
            from backfill in Gen.Elements(false, true)
            from forged in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
            select new Upload(id, register, backfill, forged), n)
        select uploads.ToList();

    [FsCheck.Xunit.Property(MaxTest = 15)]
    public Property Any_sequence_of_uploads_with_repeats_holds_each_id_once_and_the_stats_add_up() =>
        Prop.ForAll(Sequences.ToArbitrary(), uploads => RunSequence(uploads).GetAwaiter().GetResult());

    private static async Task RunSequence(List<Upload> uploads)
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        using var uplink = new HttpUplink(sim);
        using var forger = new HttpUplink(sim, signer: TestKeys.Stranger.Signer());
        var firstMode = new Dictionary<string, UploadMode>();
        foreach (var u in uploads)
        {
            var mode = u.Backfill ? UploadMode.Backfill : UploadMode.RealTime;
            var client = u.Forged ? forger : uplink;
            var (kind, id, data) = u.Register
                ? (RecordKind.VehicleRegister, RecordIds.Create(Plant.EntCode, RecordKind.VehicleRegister, $"v{u.Id}"),
                    client.Payloads.VehicleRegister(Plant.VehicleRegister($"v{u.Id}"), mode, _ => null).Json)
                : (RecordKind.Passage, RecordIds.Create(Plant.EntCode, RecordKind.Passage, $"p{u.Id}"),
                    client.Payloads.Passage(Plant.Passage($"p{u.Id}", Now), mode, _ => null).Json);
            var answer = await client.PostAsync(client.Envelope(kind, data));
            Assert.Equal(!u.Forged, answer.Acknowledged);
            if (!u.Forged)
            {
                Assert.Equal(firstMode.ContainsKey(id), answer.Duplicate);
                firstMode.TryAdd(id, mode);
            }
        }

        var records = sim.Store.Records();
        Assert.Equal(firstMode.Count, records.Count);
        Assert.Equal(records.Count, records.Select(r => r.RecordId).Distinct().Count());
        Assert.All(records, r => Assert.Equal(firstMode[r.RecordId], r.Mode));
        var stats = sim.Store.Stats();
        var genuine = uploads.Count(u => !u.Forged);
        Assert.Equal(uploads.Count, stats.Attempts);
        Assert.Equal(firstMode.Count, stats.Accepted);
        Assert.Equal(genuine - firstMode.Count, stats.DuplicatesDropped);
        Assert.Equal(genuine - firstMode.Count, records.Sum(r => r.Repeats));
        Assert.Equal(uploads.Count - genuine, stats.RefusedTotal);
        Assert.Equal(stats.Attempts, stats.Accepted + stats.DuplicatesDropped + stats.RefusedTotal + stats.FailedBeforeStore + stats.NotRecords);
        Assert.Equal(records.Count, sim.Store.CountBy(r => (r.Kind, r.Mode, r.GateId, r.Day)).Values.Sum());
    }

    [FsCheck.Xunit.Property(MaxTest = 6)]
    public Property Under_random_faults_a_client_that_retries_until_a_verified_ack_gets_each_record_stored_exactly_once() =>
        Prop.ForAll(Gen.Choose(1, 1_000_000).ToArbitrary(), seed => RetryUnderFaults(seed).GetAwaiter().GetResult());

    private static async Task RetryUnderFaults(int seed)
    {
        // About half of all attempts fail, in every way there is, on both sides of the store.
        var plan = FaultPlan.Everything(0.08, seed, TimeSpan.FromMilliseconds(60));
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options(plan));
        using var uplink = new HttpUplink(sim, timeout: TimeSpan.FromSeconds(10));
        var attempts = 0;
        for (var i = 0; i < 12; i++)
        {
            var record = Plant.Passage($"rf{i}", Now);
            var acknowledged = false;
            for (var attempt = 0; attempt < 60 && !acknowledged; attempt++)
            {
                attempts++;
                try
                {
                    acknowledged = (await uplink.UploadAsync(record, attempt == 0 ? UploadMode.RealTime : UploadMode.Backfill)).Acknowledged;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }
            }
            Assert.True(acknowledged, $"record {i} never acknowledged");
        }

        Assert.Equal(12, sim.Store.Count());
        Assert.Equal(12, sim.Store.Count(new RecordQuery(Acknowledged: true)));
        var stats = sim.Store.Stats();
        Assert.Equal(attempts, stats.Attempts);
        Assert.Equal(stats.Attempts, stats.Accepted + stats.DuplicatesDropped + stats.RefusedTotal + stats.FailedBeforeStore + stats.NotRecords);
        Assert.Equal(12, stats.Accepted);
        Assert.True(stats.FaultsInjected.Values.Sum() > 0);
        Assert.Equal(attempts, sim.Store.Attempts().Count);
    }

    /// <summary>Payloads of any size (past the journal's 64 KiB read buffer, lines across its edges) and any text.</summary>
    private static readonly Gen<List<string>> Payloads =
        Gen.ListOf(
            from size in Gen.Frequency((6, Gen.Choose(0, 3_000)), (2, Gen.Choose(60_000, 70_000)), (1, Gen.Choose(130_000, 300_000)))
            from unit in Gen.Elements("a", "冀", "\"", "\\", "é\n", "😀")
            select $"{{\"plateNo\":\"{string.Concat(Enumerable.Repeat(unit, size / unit.Length))}\"}}")
        .Select(p => p.ToList());

    [FsCheck.Xunit.Property(MaxTest = 20)]
    public Property A_journaled_store_gives_back_every_payload_in_order_after_any_number_of_restarts() =>
        Prop.ForAll(Payloads.ToArbitrary(), Gen.Choose(1, 3).ToArbitrary(), (payloads, sessions) =>
        {
            var folder = Path.Combine(Path.GetTempPath(), "dataplatform-tests", "journal-" + Guid.NewGuid().ToString("N"));
            try
            {
                var stored = new List<string>();
                for (var session = 0; session < sessions; session++)
                {
                    using var store = new SimulatorStore(folder);
                    Assert.Equal(stored, store.Records().Select(r => r.Payload));
                    foreach (var payload in payloads.Skip(session * payloads.Count / sessions).Take(payloads.Count / sessions + 1))
                    {
                        var id = $"E1302001-P-{stored.Count}";
                        Assert.True(store.Store(new StoredRecord(id, RecordKind.Passage, "E1302001", $"G0{stored.Count % 3}", null, "0", UploadMode.RealTime,
                            Now, Now, null, Verdict(stored.Count), "baseline", 0, null, payload)).IsNew);
                        stored.Add(payload);
                        Assert.True(store.TryGet(id, out var back));
                        Assert.Equal(payload, back.Payload);
                    }
                }
                using var last = new SimulatorStore(folder);
                var records = last.Records();
                Assert.Equal(stored, records.Select(r => r.Payload));
                // Everything else a record holds comes back too (the store shares repeated strings and verdicts).
                Assert.Equal(records.Select((_, i) => ($"G0{i % 3}", Verdict(i).Describe())), records.Select(r => (r.GateId!, r.Completeness.Describe())));
                Assert.All(records, r => Assert.Equal(("E1302001", "0", "baseline"), (r.EnterpriseCode, r.ModeFlag, r.Profile)));
            }
            finally
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
        });

    private static CompletenessResult Verdict(int i) => (i % 3) switch
    {
        0 => new CompletenessResult([], []),
        1 => new CompletenessResult(["vin", "registerDate"], []),
        _ => new CompletenessResult(["vin"], ["envListImage|licenseImage"]),
    };

    [Fact]
    public async Task The_same_seed_and_the_same_attempts_meet_the_same_faults()
    {
        async Task<List<FaultKind?>> Run()
        {
            await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options(new FaultPlan
            {
                Seed = 42,
                Rules = [new FaultRule { Kind = FaultKind.Refusal, Probability = 0.3 }, new FaultRule { Kind = FaultKind.DuplicateAck, Probability = 0.3 }],
            }));
            using var uplink = new HttpUplink(sim);
            for (var i = 0; i < 20; i++)
                await uplink.UploadAsync(Plant.Passage($"s{i}", Now));
            return sim.Store.Attempts().Select(a => a.Fault).ToList();
        }

        var first = await Run();
        var second = await Run();
        Assert.Equal(first, second);
        Assert.Contains(FaultKind.Refusal, first);
        Assert.Contains(FaultKind.DuplicateAck, first);
        Assert.Contains(null, first);
    }

    public sealed record Gaps(bool Vin, bool Fleet, bool Front, bool EnvList, bool License, bool Color, bool Obd);

    /// <summary>One simulator for all cases (checked explicitly so it is disposed afterwards).</summary>
    [Fact]
    public async Task The_platforms_completeness_equals_what_the_bridge_computed_for_the_payload_it_sent()
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        var property = Prop.ForAll(
            (from v in Gen.Elements(false, true) from f in Gen.Elements(false, true) from fr in Gen.Elements(false, true)
             from e in Gen.Elements(false, true) from l in Gen.Elements(false, true) from c in Gen.Elements(false, true)
             from o in Gen.Elements(false, true) select new Gaps(v, f, fr, e, l, c, o)).ToArbitrary(),
            gaps => CheckCompleteness(sim, gaps).GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property);
        Assert.Equal(40, sim.Store.Count());
    }

    private static async Task CheckCompleteness(RegulatorPlatformSimulator sim, Gaps gaps)
    {
        await using var link = await TcpUplink.ConnectAsync(sim);
        var record = Plant.Passage(Guid.NewGuid().ToString("N"), Now) with
        {
            Vin = gaps.Vin ? null : "LFWSRXRJ8M1F12345",
            FleetName = gaps.Fleet ? null : "顺达运输",
            Photos = new PassPhotos(gaps.Front ? null : "sha256:f", "sha256:b", "sha256:p"),
            EnvListImage = gaps.EnvList ? null : "sha256:e",
            LicenseImage = gaps.License ? null : "sha256:l",
            PlateColor = gaps.Color ? PlateColor.Unknown : PlateColor.Yellow,
            ObdOnline = gaps.Obd ? null : true,
        };
        var built = link.Payloads.Passage(record, UploadMode.RealTime, _ => Plant.TinyImage);
        await link.SendAsync("UPLOAD_PASSAGE", built.Json);
        Assert.True((await link.NextAckAsync()).Response.Acknowledged);

        Assert.True(sim.Store.TryGet(record.RecordId, out var stored));
        Assert.Equal(built.Completeness.MissingFields, stored.Completeness.MissingFields);
        Assert.Equal(built.Completeness.MissingImages, stored.Completeness.MissingImages);
        Assert.Equal(Completeness.Check(record).IsComplete, stored.Completeness.IsComplete);
    }
}
