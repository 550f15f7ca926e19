using DataPlatform.Compliance.Fusion;
using DataPlatform.Compliance.Plates;
using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Compliance.Tests;

/// <summary>Lane read fusion as the ledger writer runs it: one passage per physical passage, whatever the order of
/// its reads, duplicates, redeliveries and restarts with state reloaded from what was stored.</summary>
public sealed class LaneFusionProperties
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    private static readonly DateTime T0 = new(2026, 11, 28, 1, 0, 0, DateTimeKind.Utc);

    // Confusable variants of one plate (D/0, 8/B) and an unrelated one; two of them registered.
    private static readonly string[] Plates = ["冀B1D085", "冀B10085", "冀B1D0B5", "冀B10080", "冀B67890"];
    private static readonly VehicleRegistry Registry = VehicleRegistry.Create([Truck("冀B1D085", EmissionStage.Guo6b), Truck("冀B67890", EmissionStage.Guo5)]);
    private static readonly ReconcilerOptions Options = ReconcilerOptions.Default;
    private static readonly string[] Devices = ["cam-01", "cam-01b", "cam-01c"];

    /// <summary>A physical passage: its lane, direction and start second, and its reads (distinct devices, within the
    /// window, any plate variant).</summary>
    /// <remarks><paramref name="Tag"/>: A registered e-tag read of the truck at the lane (offset, plate), when the lane
    /// has a reader.</remarks>
    public sealed record Physical(string Lane, byte Direction, int Second, IReadOnlyList<(string Device, int Offset, string Plate, double Confidence)> Reads,
        (int Offset, string Plate)? Tag = null);

    private static readonly Gen<Physical> PhysicalGen =
        from lane in Gen.Elements("E1/G01/L1", "E1/G01/L2")
        from direction in Gen.Elements((byte)1, (byte)2)
        from slot in Gen.Choose(0, 40)
        from count in Gen.Choose(1, 3)
        from devices in Gen.Shuffle(Devices)
        from offsets in Gen.ArrayOf(Gen.Choose(0, 5), count)
        from plates in Gen.ArrayOf(Gen.Elements(Plates), count)
        from confidences in Gen.ArrayOf(Gen.Choose(55, 99), count)
        from tagged in Gen.Elements(false, true)
        from tagOffset in Gen.Choose(0, 5)
        from tagPlate in Gen.Elements(Plates)
        select new Physical(lane, direction, slot * 20, [.. Enumerable.Range(0, count).Select(i => (devices[i], offsets[i], plates[i], confidences[i] / 100.0))],
            tagged ? (tagOffset, tagPlate) : null);

    // Passages of one lane 20 s apart at least (more than 2 windows): each is one truck.
    private static readonly Gen<List<Physical>> TrafficGen =
        Gen.ListOf(PhysicalGen).Select(list => list.DistinctBy(p => (p.Lane, p.Second)).ToList());

    private static List<LaneRead> ReadsOf(IEnumerable<Physical> traffic) =>
        [.. traffic.SelectMany((p, i) => p.Reads.Select((r, j) => new LaneRead($"ev-{i}-{j}", p.Lane, p.Direction, r.Device,
            T0.AddSeconds(p.Second + r.Offset), r.Plate, PlateColor.Yellow, r.Confidence))
            .Concat(p.Tag is { } tag
                ? [new LaneRead($"tag-{i}", p.Lane, null, "rfid-01", T0.AddSeconds(p.Second + tag.Offset), tag.Plate, PlateColor.Unknown, null, IsETag: true, Registered: true)]
                : []))];

    // Interleaves: reads keep their order only within nothing — any permutation of a stream.
    private static List<LaneRead> Shuffled(List<LaneRead> reads, int seed)
    {
        var random = new Random(seed);
        return [.. reads.OrderBy(_ => random.Next())];
    }

    [Property(MaxTest = 300)]
    public Property One_passage_per_physical_passage_whatever_the_order_of_its_reads() =>
        Prop.ForAll(TrafficGen.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (traffic, seed) =>
        {
            var reads = ReadsOf(traffic);
            // Within each physical passage any order; passages themselves in time order (a lane's partition).
            var random = new Random(seed);
            var stream = reads.OrderBy(r => r.PassTime.Ticks / TimeSpan.FromSeconds(20).Ticks).ThenBy(_ => random.Next()).ToList();
            var ledger = LedgerModel.Run(stream, [], Window);
            Assert.Equal(traffic.Count, ledger.Passages.Count);
            // The surviving read of each passage is the earliest by (pass time, event id), whatever the order.
            var expected = traffic.Select((p, i) => LaneFusion.Survivor(reads.Where(r => r.EventId.StartsWith($"ev-{i}-", StringComparison.Ordinal))).EventId).Order(StringComparer.Ordinal);
            Assert.Equal(expected, ledger.Passages.Keys);
            Assert.Equal(LedgerModel.Run(reads, [], Window), ledger);
        });

    [Property(MaxTest = 300)]
    public Property Every_read_is_accounted_for_exactly_once() =>
        Prop.ForAll(TrafficGen.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (traffic, seed) =>
        {
            // Any order at all, out-of-order pass times included.
            var reads = Shuffled(ReadsOf(traffic), seed);
            var fusion = new LaneFusion(Window);
            var kinds = reads.Concat(reads.Take(3)).Select(r => fusion.Offer(r).Kind).ToList();
            Assert.Equal(Math.Min(3, reads.Count), kinds.Count(k => k == FusionStepKind.Duplicate));
            var ledger = LedgerModel.Run(reads, [], Window);
            Assert.Equal(reads.Select(r => r.EventId).Order(StringComparer.Ordinal),
                ledger.Passages.Keys.Concat(ledger.Reads.Keys).Order(StringComparer.Ordinal));
            // A read is linked to a passage; only an e-tag read may be unmatched (no camera read near it).
            Assert.All(ledger.Reads, r => Assert.True(r.Value.Relation == ReadRelation.Unmatched
                ? r.Key.StartsWith("tag-", StringComparison.Ordinal) && r.Value.Passage.Length == 0
                : ledger.Passages.ContainsKey(r.Value.Passage), $"{r.Key} → {r.Value}"));
            // Camera reads in time order (a lane's partition): a truck's tag read joins its passage.
            var ordered = LedgerModel.Run([.. reads.OrderBy(r => r.PassTime.Ticks / TimeSpan.FromSeconds(20).Ticks)], [], Window);
            Assert.DoesNotContain(ordered.Reads.Values, r => r.Relation == ReadRelation.Unmatched);
        });

    [Property(MaxTest = 300)]
    public Property Never_two_passages_for_reads_of_different_devices_within_the_window() =>
        Prop.ForAll(TrafficGen.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (traffic, seed) =>
        {
            var reads = Shuffled(ReadsOf(traffic), seed);
            var fusion = new LaneFusion(Window);
            var started = new List<LaneRead>();
            foreach (var read in reads)
                if (fusion.Offer(read).Kind == FusionStepKind.Started)
                    started.Add(read);
            // Two passages started within the window at one lane and direction: the later was read by a device that
            // had already read the earlier one's passage (one camera sees one truck once per passage).
            foreach (var a in started)
                foreach (var b in started.Where(b => b != a && b.LaneKey == a.LaneKey && b.Direction == a.Direction
                                                     && (b.PassTime - a.PassTime).Duration() <= Window))
                    Assert.True(DevicesOf(fusion, a).Intersect(DevicesOf(fusion, b)).Any(),
                        $"{a.EventId} and {b.EventId} share no device but are two passages");
        });

    private static IEnumerable<string> DevicesOf(LaneFusion fusion, LaneRead started)
    {
        var step = fusion.Offer(started); // a duplicate now: tells the group it belongs to
        return step.Group!.Devices;
    }

    /// <summary>How a stream is disturbed: re-pushes, crashes, the reads' arrival delays (seed) and the batch size.</summary>
    public sealed record Noise(IReadOnlyList<int> Duplicates, IReadOnlyList<int> Crashes, int Seed, int BatchSize);

    private static readonly Gen<Noise> NoiseGen =
        from duplicates in Gen.ListOf(Gen.Choose(0, 60))
        from crashes in Gen.ListOf(Gen.Choose(0, 60))
        from seed in Gen.Choose(0, int.MaxValue)
        from batch in Gen.Choose(1, 40)
        select new Noise([.. duplicates], [.. crashes], seed, batch);

    [Property(MaxTest = 200)]
    public Property Ledger_from_a_stream_equals_the_ledger_with_duplicates_redeliveries_and_restarts() =>
        Prop.ForAll(TrafficGen.ToArbitrary(), NoiseGen.ToArbitrary(), (traffic, noise) =>
        {
            var reads = ReadsOf(traffic);
            // Reads arrive up to 12 s after their pass time (a camera's upload queue), so a lane's next truck can come
            // in before a second camera's read of the one before.
            var random = new Random(noise.Seed);
            var stream = reads.Select(r => (Read: r, Arrival: r.PassTime.AddSeconds(random.Next(0, 13))))
                .OrderBy(a => a.Arrival).ThenBy(a => a.Read.EventId, StringComparer.Ordinal).Select(a => a.Read).ToList();
            var reference = LedgerModel.Run(stream, [], Window, batchSize: 1);
            // A device re-pushes some reads a little later in the stream (same event id).
            var noisy = new List<LaneRead>(stream);
            foreach (var d in noise.Duplicates.Where(_ => stream.Count > 0))
            {
                // A re-push comes after its original (it is the device sending the same event again).
                var original = noisy.FindIndex(r => r.EventId == stream[d % stream.Count].EventId);
                noisy.Insert(Math.Min(noisy.Count, original + 1 + d % 4), noisy[original] with { });
            }
            // Same ledger whatever the batches, re-pushes and crashes.
            Assert.Equal(reference, LedgerModel.Run(noisy, noise.Crashes, Window, noise.BatchSize));
        });

    [Property(MaxTest = 300)]
    public Property Fused_outcome_does_not_depend_on_the_order_of_the_reads() =>
        Prop.ForAll(PhysicalGen.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (physical, seed) =>
        {
            var reads = ReadsOf([physical]);
            var a = LaneReconciler.Reconcile(new LaneGroup(physical.Lane, physical.Direction, reads), Registry, Options);
            var b = LaneReconciler.Reconcile(new LaneGroup(physical.Lane, physical.Direction, Shuffled(reads, seed)), Registry, Options);
            Assert.Equal((a.PlateText, a.Confidence, a.ReviewReason, a.Rule), (b.PlateText, b.Confidence, b.ReviewReason, b.Rule));
            Assert.Equal(a.Candidates, b.Candidates);
            // Never silently certain about a conflict: either all reads agree, a registered e-tag or the one registered
            // plate decides, or review.
            var texts = reads.Select(r => r.Plate).Distinct().ToList();
            var tagged = reads.Where(r => r.IsETag).Select(r => r.Plate).Distinct().ToList();
            if (texts.Count > 1 && !a.NeedsReview)
            {
                if (tagged.Count == 1) Assert.Equal(tagged[0], a.PlateText);
                else Assert.Single(texts, t => Registry.FindByPlate(t).Count > 0 && t == a.PlateText);
            }
            if (a.NeedsReview) Assert.Equal(texts.Order(StringComparer.Ordinal), a.Candidates.Order(StringComparer.Ordinal));
        });

    [Fact]
    public void Agreement_raises_confidence_and_a_registered_look_alike_resolves_a_conflict()
    {
        LaneRead Read(string id, string device, string plate, double c, int s = 0) =>
            new(id, "E1/G01/L1", 1, device, T0.AddSeconds(s), plate, PlateColor.Yellow, c);
        var agree = LaneReconciler.Reconcile(new LaneGroup("E1/G01/L1", 1, [Read("a", "cam-01", "冀B10080", 0.7), Read("b", "cam-01b", "冀B10080", 0.7, 1)]), Registry, Options);
        Assert.Equal("冀B10080", agree.PlateText);
        Assert.Equal(0.91, agree.Confidence!.Value, 6);
        Assert.False(agree.NeedsReview);

        var resolved = LaneReconciler.Reconcile(new LaneGroup("E1/G01/L1", 1, [Read("a", "cam-01", "冀B10085", 0.95), Read("b", "cam-01b", "冀B1D085", 0.6, 1)]), Registry, Options);
        Assert.Equal("冀B1D085", resolved.PlateText);
        Assert.Contains("登记库", resolved.Rule, StringComparison.Ordinal);
        Assert.Equal(ReadRelation.Corrected, resolved.Verdicts["a"]);

        var unknown = LaneReconciler.Reconcile(new LaneGroup("E1/G01/L1", 1, [Read("a", "cam-01", "冀B10085", 0.95), Read("b", "cam-01b", "冀B10080", 0.6, 1)]), Registry, Options);
        Assert.True(unknown.NeedsReview);
        Assert.Equal(["冀B10085", "冀B10080"], unknown.Candidates);

        // A registered e-tag decides between confusable camera reads, even against the registry's other plate.
        var tagged = LaneReconciler.Reconcile(new LaneGroup("E1/G01/L1", 1, [Read("a", "cam-01", "冀B10085", 0.95),
            new LaneRead("t", "E1/G01/L1", null, "rfid-01", T0, "冀B10085", PlateColor.Yellow, null, IsETag: true, Registered: true)]), Registry, Options);
        Assert.Equal("冀B10085", tagged.PlateText);
        Assert.False(tagged.NeedsReview);
        var tagCorrects = LaneReconciler.Reconcile(new LaneGroup("E1/G01/L1", 1, [Read("a", "cam-01", "冀B1D085", 0.95),
            new LaneRead("t", "E1/G01/L1", null, "rfid-01", T0, "冀B10085", PlateColor.Yellow, null, IsETag: true, Registered: true)]), Registry, Options);
        Assert.Equal("冀B10085", tagCorrects.PlateText);
        Assert.Contains("电子标识", tagCorrects.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Memory_is_forgotten_by_each_lane_s_own_clock()
    {
        var fusion = new LaneFusion(Window);
        LaneRead Read(string id, string lane, int s) => new(id, lane, 1, "cam-01", T0.AddSeconds(s), "冀B67890", PlateColor.Yellow, 0.9);
        // A lane known only from a stored group (after a restart, before any read of it) has no clock yet.
        var stored = Read("stored", "E1/G02/L1", 0);
        fusion.Load(new LaneGroup("E1/G02/L1", 1, [stored], storedSurvivor: stored));
        fusion.Forget(TimeSpan.FromMinutes(10));
        Assert.True(fusion.Knows("stored"));
        // Lane 1 runs an hour ahead of lane 3 (its partition was read further): lane 3's recent group stays.
        fusion.Offer(Read("a", "E1/G01/L1", 0));
        fusion.Offer(Read("b", "E1/G01/L3", 0));
        fusion.Offer(Read("c", "E1/G01/L1", 3600));
        fusion.Forget(TimeSpan.FromMinutes(10));
        Assert.False(fusion.Knows("a"));
        Assert.True(fusion.Knows("b"));
        Assert.Equal(T0.AddSeconds(3600), fusion.ClockOf("E1/G01/L1"));
        Assert.Null(fusion.ClockOf("E1/G09/L1"));
    }

    [Fact]
    public void One_camera_reading_twice_within_the_window_is_two_passages_and_an_etag_joins_the_nearest()
    {
        var fusion = new LaneFusion(Window);
        Assert.Equal(FusionStepKind.Started, fusion.Offer(new("a", "E1/G01/L1", 1, "cam-01", T0, "冀B10085", PlateColor.Yellow, 0.9)).Kind);
        Assert.Equal(FusionStepKind.Started, fusion.Offer(new("b", "E1/G01/L1", 1, "cam-01", T0.AddSeconds(3), "冀B67890", PlateColor.Yellow, 0.9)).Kind);
        var tag = fusion.Offer(new("t", "E1/G01/L1", null, "rfid-01", T0.AddSeconds(3), "冀B67890", PlateColor.Yellow, null, IsETag: true, Registered: true));
        Assert.Equal(FusionStepKind.Joined, tag.Kind);
        Assert.Equal("b", tag.Group!.Survivor.EventId);
        // A tag read before any camera read of its lane waits, and the camera's passage takes it.
        Assert.Equal(FusionStepKind.Waiting,
            fusion.Offer(new("w", "E1/G01/L2", null, "rfid-02", T0, "冀B67890", PlateColor.Yellow, null, IsETag: true)).Kind);
        var camera = fusion.Offer(new("c", "E1/G01/L2", 1, "cam-02", T0.AddSeconds(2), "冀B67890", PlateColor.Yellow, 0.9));
        Assert.Equal(FusionStepKind.Started, camera.Kind);
        Assert.Contains(camera.Group!.Reads, r => r.EventId == "w");
        // One no camera read comes near is unmatched once the lane's clock passed its window.
        Assert.Equal(FusionStepKind.Waiting,
            fusion.Offer(new("u", "E1/G01/L2", null, "rfid-02", T0.AddSeconds(20), "冀B1D085", PlateColor.Yellow, null, IsETag: true)).Kind);
        var next = fusion.Offer(new("d", "E1/G01/L2", 1, "cam-02", T0.AddSeconds(40), "冀B10080", PlateColor.Yellow, 0.9));
        Assert.Equal(["u"], next.Unmatched.Select(t => t.EventId));
        Assert.DoesNotContain(next.Group!.Reads, r => r.EventId == "u");
    }

    [Fact]
    public void The_next_trucks_tag_read_overtaking_this_trucks_camera_read_does_not_give_this_trucks_tag_up()
    {
        var fusion = new LaneFusion(Window);
        Assert.Equal(FusionStepKind.Waiting,
            fusion.Offer(new("t1", "E1/G01/L1", null, "rfid-01", T0, "冀B10085", PlateColor.Yellow, null, IsETag: true, Registered: true)).Kind);
        // The next truck's tag, two minutes later, arrives first over the reader's line.
        var overtaking = fusion.Offer(new("t2", "E1/G01/L1", null, "rfid-01", T0.AddMinutes(2), "冀B67890", PlateColor.Yellow, null, IsETag: true, Registered: true));
        Assert.Empty(overtaking.Unmatched);
        var camera = fusion.Offer(new("c1", "E1/G01/L1", 1, "cam-01", T0.AddSeconds(2), "冀B10085", PlateColor.Yellow, 0.9));
        Assert.Contains(camera.Group!.Reads, r => r.EventId == "t1");
        // A camera read past the window does give a waiting tag up.
        Assert.Equal(["t2"], fusion.Offer(new("c3", "E1/G01/L1", 1, "cam-01", T0.AddMinutes(5), "冀B55555", PlateColor.Yellow, 0.9)).Unmatched.Select(t => t.EventId));
    }
}

/// <summary>The ledger writer's control flow over a stream, one message per batch: reads are held in open groups,
/// a group is stored when it closes, offsets are committed no further than the oldest held read, and a crash
/// loses memory only — the restarted writer reloads the stored groups and re-reads from the committed offset.</summary>
internal static class LedgerModel
{
    public sealed record Ledger(SortedDictionary<string, string> Passages, SortedDictionary<string, (string Passage, string Relation)> Reads)
    {
        public bool Equals(Ledger? other) => other is not null && Passages.SequenceEqual(other.Passages) && Reads.SequenceEqual(other.Reads);

        public override int GetHashCode() => Passages.Count;

        public override string ToString() =>
            string.Join("\n", Passages.Select(p => $"{p.Key}: {p.Value}")) + "\n" + string.Join("\n", Reads.Select(r => $"{r.Key} → {r.Value}"));
    }

    private static readonly VehicleRegistry Registry = VehicleRegistry.Create([Truck("冀B1D085", EmissionStage.Guo6b)]);

    public static Ledger Run(IReadOnlyList<LaneRead> stream, IReadOnlyList<int> crashes, TimeSpan window, int batchSize = 1)
    {
        var passages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var reads = new SortedDictionary<string, (string, string)>(StringComparer.Ordinal);
        var stored = new Dictionary<string, LaneGroup>(StringComparer.Ordinal);
        var plates = new Dictionary<string, string>(StringComparer.Ordinal);
        var fusion = new LaneFusion(window);
        var held = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new Queue<int>(crashes.Where(c => c < stream.Count).Order());
        // Closed in the current batch, written at its end (as the writer does).
        var closed = new List<LaneGroup>();
        var late = new List<(string Read, string Passage)>();
        var unmatched = new List<string>();

        void Store(LaneGroup group)
        {
            var survivor = group.Survivor;
            var fused = group.SealedReads.Count == 1 ? null : LaneReconciler.Reconcile(group, Registry, ReconcilerOptions.Default);
            var plate = fused is null || fused.NeedsReview ? survivor.Plate : fused.PlateText;
            passages[survivor.EventId] = $"{plate}|{fused?.ReviewReason}|{string.Join(",", fused?.Candidates ?? [])}";
            plates[survivor.EventId] = plate;
            group.SettledPlate = plate;
            foreach (var r in group.SealedReads.Where(r => r.EventId != survivor.EventId))
                reads[r.EventId] = (survivor.EventId, fused!.Verdicts[r.EventId]);
            stored[survivor.EventId] = group;
            foreach (var r in group.SealedReads) held.Remove(r.EventId);
        }

        void EndBatch()
        {
            foreach (var group in closed.Distinct()) Store(group);
            foreach (var (read, passage) in late) reads[read] = (passage, ReadRelation.Late);
            foreach (var tag in unmatched)
            {
                reads[tag] = ("", ReadRelation.Unmatched);
                held.Remove(tag);
            }
            closed.Clear();
            late.Clear();
            unmatched.Clear();
        }

        for (var position = 0; position < stream.Count;)
        {
            if (pending.Count > 0 && pending.Peek() <= position)
            {
                pending.Dequeue();
                // Crash: memory lost; what was stored is reloaded, reading resumes at the committed offset.
                var resume = held.Count > 0 ? held.Values.Min() : position;
                held.Clear();
                fusion = new LaneFusion(window);
                foreach (var group in stored.Values)
                {
                    var survivor = group.Survivor;
                    var others = group.Reads.Where(r => r.EventId != survivor.EventId && reads.ContainsKey(r.EventId));
                    var stub = survivor with { PlateText = plates[survivor.EventId] };
                    fusion.Load(new LaneGroup(group.LaneKey, group.Direction, [stub, .. others], storedSurvivor: stub) { SettledPlate = plates[survivor.EventId] });
                }
                position = resume;
                continue;
            }
            for (var end = Math.Min(stream.Count, position + batchSize); position < end; position++)
            {
                var read = stream[position];
                // Stored under another id's passage already (the writer's StoredAsync): an unmatched e-tag read.
                if (reads.TryGetValue(read.EventId, out var kept) && kept.Item2 == ReadRelation.Unmatched && !fusion.Knows(read.EventId)) continue;
                var step = fusion.Offer(read);
                closed.AddRange(step.Closed);
                unmatched.AddRange(step.Unmatched.Select(t => t.EventId));
                switch (step.Kind)
                {
                    case FusionStepKind.Started or FusionStepKind.Joined or FusionStepKind.Waiting:
                        held.TryAdd(read.EventId, position);
                        break;
                    case FusionStepKind.JoinedLate:
                        late.Add((read.EventId, step.Group!.Survivor.EventId));
                        break;
                }
            }
            EndBatch();
        }
        foreach (var group in fusion.Open.ToList())
        {
            LaneFusion.Close(group);
            Store(group);
        }
        // The lanes went quiet: waiting e-tag reads are given up.
        unmatched.AddRange(fusion.ExpireTags(_ => true).Select(t => t.EventId));
        EndBatch();
        return new Ledger(passages, reads);
    }
}
