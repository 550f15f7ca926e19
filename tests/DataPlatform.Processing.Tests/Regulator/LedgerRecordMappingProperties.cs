using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.Gate.Registers;
using DataPlatform.Processing.LedgerRecords;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Registers;
using DataPlatform.RegulatorBridge.Outbox;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorBridge.Uplink;
using DataPlatform.Streams;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Processing.Tests.Regulator;

/// <summary>The pure mapping between processing's ledger records and the bridge's uploads: registry enrichment of
/// passages, the exit's trip load, register versions as register uploads, and the exit hold.</summary>
public sealed class LedgerRecordMappingProperties
{
    private const string Ent = "E1302001";
    private static readonly DateTime Base = new(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc);

    private static readonly Gen<string> Text = Gen.Elements("", "x", "SY215", "潍柴", "WP10.336E62", "1", "true", "否", "plateNo", "冀B12345");

    private static readonly Gen<PassageRow> Row =
        from plate in Gen.Elements("冀B12345", "冀B54321")
        from color in Gen.Elements("yellow", "blue")
        from direction in Gen.Elements((byte)1, (byte)2)
        from minutes in Gen.Choose(0, 600)
        from type in Gen.Elements("H11", "Q11", "")
        from pictures in Gen.Choose(0, 3)
        select new PassageRow(Guid.NewGuid(), "e-" + minutes, Ent, "G01", "L1", direction, Base.AddMinutes(minutes), plate, color, 0.9f,
            type, "cam-01", [.. Enumerable.Range(0, pictures).Select(i => "sha256:" + new string((char)('a' + i), 64))]);

    private static readonly Gen<VehicleRegisterVersion> Version =
        from kind in Gen.Elements(RegisterKind.Road, RegisterKind.InPlant)
        from plate in Gen.Elements("冀B12345", "冀B54321")
        from color in Gen.Elements("yellow", "blue")
        from version in Gen.Choose(1, 4)
        from minutes in Gen.Choose(-60, 660)
        from values in Gen.ArrayOf(Text, PassageEnrichment.FieldMap.Count + 3)
        select new VehicleRegisterVersion(Guid.NewGuid(), kind, Ent, plate, color, (uint)version, Base.AddMinutes(minutes),
            PassageEnrichment.FieldMap.Select(m => m.Register).Concat(["plateNo", "vehicleType", "registrationCode"])
                .Zip(values).Where(p => p.Second.Length > 0).ToDictionary(p => p.First, p => p.Second));

    private static byte[] Json(ILedgerRecord record) => LedgerRecordJson.Write(record);

    private static Dictionary<string, string> Props(byte[] json)
    {
        using var d = JsonDocument.Parse(json);
        return d.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
    }

    /// <summary>Enrichment only adds: every field of the plain passage record is in the enriched one with the same
    /// value, and what is added is a register field of the spec §1.1 list (or the register row's id).</summary>
    [Property(MaxTest = 300)]
    public Property Enrichment_never_changes_the_passages_own_fields() =>
        Prop.ForAll(Row.SelectMany(_ => Version, (r, v) => (r, v)).ToArbitrary(), input =>
        {
            var (row, version) = input;
            var plain = Props(Json(PassageRecords.For(row)));
            var enriched = Props(Json(PassageRecords.For(row, version)));
            var allowed = PassageEnrichment.FieldMap.Select(m => m.Record).Append(PassageEnrichment.RegisterRowField).ToHashSet();
            return plain.All(p => enriched.TryGetValue(p.Key, out var v) && v == p.Value)
                   && enriched.Keys.Except(plain.Keys).All(allowed.Contains);
        });

    /// <summary>The version in force is never registered after the pass time, is the newest eligible one, and does not
    /// depend on the order the versions were read in: a republished record is identical.</summary>
    [Property(MaxTest = 300)]
    public Property The_register_version_in_force_is_deterministic_and_never_from_the_future() =>
        Prop.ForAll(Row.SelectMany(_ => Gen.ListOf(Version), (r, vs) => (r, vs)).ToArbitrary(), input =>
        {
            var (row, versions) = input;
            var pick = PassageRecordPublisher.VehicleFor(versions, row, row.PlateNo, row.PlateColor);
            var again = PassageRecordPublisher.VehicleFor(versions.AsEnumerable().Reverse().ToList(), row, row.PlateNo, row.PlateColor);
            var eligible = versions.Where(v => v.PlateNo == row.PlateNo && v.ChangedAt <= row.PassTimeChina
                && (v.Kind == RegisterKind.InPlant || v.PlateColor == row.PlateColor)).ToList();
            return pick == again
                   && (pick is null) == (eligible.Count == 0)
                   && (pick is null || (pick.ChangedAt <= row.PassTimeChina
                       && eligible.Where(v => v.Kind == pick.Kind).All(v => v.Version <= pick.Version)
                       && (pick.Kind == RegisterKind.Road || eligible.All(v => v.Kind == RegisterKind.InPlant))))
                   && Json(PassageRecords.For(row, pick)).SequenceEqual(Json(PassageRecords.For(row, again)));
        });

    /// <summary>Each register version is its own upload: ids are unique across versions and registers, and the same
    /// version republished maps to the same id.</summary>
    [Property(MaxTest = 200)]
    public Property Register_upload_ids_are_unique_per_version_and_stable() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements(RegisterKind.Road, RegisterKind.InPlant, RegisterKind.NonRoad)).ToArbitrary(), kinds =>
        {
            var rows = kinds.Select((k, i) => new RegisterRow(Guid.NewGuid(), k, Ent, "CODE-" + (i % 3), (uint)(i + 1), Base, "guard-booth", "op",
                new SortedDictionary<string, string>(StringComparer.Ordinal) { ["stage"] = "5", ["fuel"] = "B" })).ToList();
            string Id(RegisterRow r)
            {
                Assert.True(LedgerRecord.TryRead(Json(RegisterRecords.For(r)), out var record, out var error), error);
                return RecordIds.Create(Ent, record.UploadKind!.Value, record.RecordId.ToString("N"));
            }
            var ids = rows.Select(Id).ToList();
            return ids.Distinct().Count() == rows.Count && rows.Select(Id).SequenceEqual(ids);
        });

    [Fact]
    public void A_registered_vehicles_exit_maps_to_a_complete_passage_upload_with_cargo_and_weight()
    {
        var row = new PassageRow(Guid.NewGuid(), "e-out", Ent, "G01", "L1", 2, Base, "冀B12345", "yellow", 0.97f, "H11", "cam-01",
            ["sha256:" + new string('a', 64), "sha256:" + new string('b', 64), "sha256:" + new string('c', 64)]);
        var version = new VehicleRegisterVersion(Guid.NewGuid(), RegisterKind.Road, Ent, "冀B12345", "yellow", 2, Base.AddDays(-1),
            new Dictionary<string, string>
            {
                ["vin"] = "LFWADRJF011002346", ["registerDate"] = "2021-05-06", ["model"] = "CA4250", ["engineModel"] = "WP10",
                ["engineMaker"] = "潍柴", ["engineNo"] = "E123", ["fuel"] = "B", ["stage"] = "6b", ["useNature"] = "F",
                ["obdOnline"] = "是", ["owner"] = "某物流公司", ["envListImage"] = "sha256:" + new string('d', 64),
            });
        var load = new ExitLoad(Guid.NewGuid(), row.PassageId, 1_800_000_000_000, "煤炭", 33_460);
        var json = Json(PassageRecords.For(row, load.TripVersion,
            new Compliance.Reviews.ReviewedValues(row.PlateNo, row.PlateColor, row.VehicleType), Compliance.Reviews.ReviewStatus.None, null, version, load));

        Assert.True(LedgerRecord.TryRead(json, out var record, out _));
        Assert.False(record.AwaitsTrip);
        Assert.Equal(1_800_000_000_000UL, record.Version);
        var upload = Assert.IsType<PassageRecord>(record.ToUpload("E1302001-P-x"));
        Assert.True(Completeness.Check(upload).IsComplete, Completeness.Check(upload).Describe());
        Assert.Equal(33.5m, upload.CargoWeightT);
        Assert.Equal("煤炭", upload.CargoName);
        Assert.Equal(EmissionStage.Guo6b, upload.EmissionStage);
        Assert.True(upload.ObdOnline);
        Assert.Equal("某物流公司", upload.FleetName);

        // The same exit before its trip closed waits for it; an entry never does.
        Assert.True(LedgerRecord.TryRead(Json(PassageRecords.For(row, version)), out var open, out _) && open.AwaitsTrip);
        Assert.True(LedgerRecord.TryRead(Json(PassageRecords.For(row with { Direction = 1 }, version)), out var entry, out _) && !entry.AwaitsTrip);
        Assert.False(Completeness.Check(LedgerRecord.ToPassage("id", PassageRecords.For(row))).IsComplete);
    }

    [Fact]
    public void Register_versions_map_to_their_register_uploads()
    {
        var nonRoad = new RegisterRow(Guid.NewGuid(), RegisterKind.NonRoad, Ent, "NR-0001", 3, Base, "guard-booth", "guard-01",
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["registrationCode"] = "NR-0001", ["pin"] = "PIN-1", ["machineryKind"] = "excavator", ["stage"] = "3", ["fuel"] = "B",
                ["owner"] = "某租赁公司", ["labelImage"] = "sha256:" + new string('e', 64),
            });
        Assert.True(LedgerRecord.TryRead(Json(RegisterRecords.For(nonRoad)), out var record, out _));
        Assert.Equal(RecordKind.NonRoadRegister, record.UploadKind);
        Assert.Equal(3UL, record.Version);
        var upload = Assert.IsType<NonRoadMachineRecord>(record.ToUpload("id"));
        Assert.Equal("NR-0001", upload.EnvRegCode);
        Assert.Equal(NonRoadMachineryKind.Excavator, upload.MachineryKind);
        Assert.Equal(EmissionStage.Guo3, upload.EmissionStage);
        Assert.Equal([(FieldIds.EnvLabelImage, "sha256:" + new string('e', 64))], LedgerRecord.Pictures(upload));
    }

    /// <summary>A held exit is not due before its hold ends, is due after it, and keeps its real-time deadline.</summary>
    [Property(MaxTest = 300)]
    public Property A_held_record_waits_for_its_hold_and_keeps_its_deadline() =>
        Prop.ForAll(Gen.Choose(0, 120).SelectMany(_ => Gen.Choose(-30, 200), (h, t) => (h, t)).ToArbitrary(), input =>
        {
            var (hold, at) = input;
            var generated = new DateTimeOffset(Base);
            var entry = OutboxMachine.Hold(OutboxEntry.New("id", RecordKind.Passage, "G01", generated, TimeSpan.FromSeconds(60)), generated.AddSeconds(hold));
            var now = generated.AddSeconds(at);
            var released = OutboxMachine.Release(entry);
            return entry.Deadline == generated.AddSeconds(60) && released.Deadline == entry.Deadline
                   && entry.IsReady(now) == (at >= hold) && released.IsReady(now)
                   && (!entry.IsReady(now) || OutboxMachine.Start(entry, now, false).Mode
                       == (now > entry.Deadline ? UploadMode.Backfill : UploadMode.RealTime));
        });

    /// <summary>A newer version replaces a held record and releases it; once its upload began, no version replaces it
    /// (the platform keeps the first copy of a record id), and a round starts from the current copy.</summary>
    [Fact]
    public void A_newer_version_replaces_a_record_only_before_its_upload_began()
    {
        var queue = new OutboxQueue();
        var generated = new DateTimeOffset(Base);
        var held = OutboxMachine.Hold(OutboxEntry.New("E-P-1", RecordKind.Passage, "G01", generated, TimeSpan.FromSeconds(60)), generated.AddSeconds(45));
        queue.Put([new RegulatorBridge.Storage.OutboxItem(held, Ent, new LedgerSource("""{"version":1}"""), false, "", null)]);
        var newer = new LedgerSource("""{"version":7,"tripClosed":true}""");

        Assert.True(queue.TryRevise("E-P-1", c => c with { Entry = OutboxMachine.Release(c.Entry), Source = newer }, out var revised));
        Assert.Equal(UploadState.Pending, revised!.Entry.State);
        var started = queue.StartRound(["E-P-1"], generated.AddSeconds(1), i => i with { Entry = OutboxMachine.Start(i.Entry, generated.AddSeconds(1), false) });
        Assert.Same(newer, Assert.Single(started).Source);
        Assert.Equal(UploadMode.RealTime, started[0].Entry.Mode);
        Assert.False(queue.TryRevise("E-P-1", c => c with { Source = new LedgerSource("{}") }, out _));
        Assert.Same(newer, Assert.Single(queue.Snapshot()).Source);
        Assert.Empty(queue.StartRound(["E-P-1"], generated.AddSeconds(2), i => i));
    }

    /// <summary>A passage message that lost a required field no longer reads, but still identifies itself: the same
    /// record id, the passage upload kind, its gate — so the bridge can keep it as a failed upload.</summary>
    [Property(MaxTest = 200)]
    public Property A_passage_missing_a_required_field_still_identifies_itself() =>
        Prop.ForAll(Row.ToArbitrary(), Gen.Elements("passTime", "direction").ToArbitrary(), (row, dropped) =>
        {
            var record = PassageRecords.For(row);
            var props = Props(Json(record));
            props.Remove(dropped);
            var broken = System.Text.Encoding.UTF8.GetBytes("{" + string.Join(",", props.Select(p => JsonSerializer.Serialize(p.Key) + ":" + p.Value)) + "}");
            var now = DateTimeOffset.UtcNow;
            var identity = LedgerRecord.Identify(broken, now);
            return !LedgerRecord.TryRead(broken, out _, out _)
                && identity is { Kind: RecordKind.Passage, GateId: "G01", EnterpriseId: Ent }
                && identity.RecordId == row.PassageId
                && (dropped == "passTime" ? identity.At == now : identity.At == record.PassTime);
        });

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"kind\":\"passage\"}")]
    [InlineData("{\"recordId\":\"not-a-guid\",\"kind\":\"passage\"}")]
    [InlineData("{\"recordId\":\"0b4f6f3c-7a34-4a55-9bd6-1a2a8b1f0c11\",\"kind\":\"trip\"}")]
    [InlineData("{\"recordId\":\"0b4f6f3c-7a34-4a55-9bd6-1a2a8b1f0c11\",\"kind\":\"register\",\"register\":\"boat\"}")]
    public void A_message_without_an_id_and_an_upload_kind_is_not_identified(string json) =>
        Assert.Null(LedgerRecord.Identify(System.Text.Encoding.UTF8.GetBytes(json), DateTimeOffset.UtcNow));
}
