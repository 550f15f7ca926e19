using System.Text.Json.Nodes;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using static DataPlatform.RegulatorBridge.Tests.Fixture;

namespace DataPlatform.RegulatorBridge.Tests;

public sealed class PayloadTests
{
    [Fact]
    public void Baseline_passage_carries_every_field_with_baseline_names_and_codes()
    {
        var built = new PayloadBuilder(Baseline).Passage(Passage(), UploadMode.RealTime, Picture);
        var p = JsonNode.Parse(built.Json)!.AsObject();
        Assert.Equal("E1302001-P-20261128-G01-000123", (string?)p["recordId"]);
        Assert.Equal("0", (string?)p["uploadType"]);
        Assert.Equal("G01", (string?)p["entranceId"]);
        Assert.Equal("L1", (string?)p["gateId"]);
        Assert.Equal(1, (int?)p["direction"]);
        Assert.Equal("2026-11-28 10:15:25", (string?)p["passTime"]);
        Assert.Equal("冀B12345", (string?)p["plateNo"]);
        Assert.Equal(1, (int?)p["plateColor"]);
        Assert.Equal("H11", (string?)p["vehicleType"]);
        Assert.Equal("2021-06-18", (string?)p["registerDate"]);
        Assert.Equal("B", (string?)p["fuelType"]);
        Assert.Equal("6", (string?)p["emissionStage"]);
        Assert.Equal("F", (string?)p["useNature"]);
        Assert.True((bool?)p["obdOnline"]);
        Assert.Equal("file-front01", (string?)p["frontPhoto"]);
        Assert.Equal("file-envlist01", (string?)p["envListImage"]);
        Assert.Null(p["licenseImage"]);
        Assert.Equal(31.5m, (decimal?)p["cargoWeightT"]);
        Assert.Equal("唐山市丰润区顺达运输有限公司", (string?)p["fleetName"]);
        Assert.Contains("一汽解放汽车有限公司无锡柴油机厂", built.Json);
        Assert.True(built.Completeness.IsComplete, built.Completeness.Describe());
    }

    [Fact]
    public void Hebei_passage_uses_pinyin_names_alternate_colours_the_2020_time_format_and_the_backfill_flag()
    {
        var built = new PayloadBuilder(Hebei).Passage(Passage() with { PlateColor = PlateColor.YellowGreen, PlateNo = "冀B12345D" },
            UploadMode.Backfill, reference => "base64:" + reference);
        var p = JsonNode.Parse(built.Json)!.AsObject();
        Assert.Equal("1", (string?)p["sclx"]);
        Assert.Equal("冀B12345D", (string?)p["hphm"]);
        Assert.Equal(5, (int?)p["hpys"]);
        Assert.Equal("20261128 101525", (string?)p["jcsj"]);
        Assert.Equal("20210618", (string?)p["zcrq"]);
        Assert.Equal("base64:sha256:plate01", (string?)p["cpzp"]);
        Assert.Null(p["plateNo"]);
        Assert.Equal(UploadMode.Backfill, built.Mode);
    }

    [Fact]
    public void Payloads_are_deterministic_because_they_are_signed()
    {
        var builder = new PayloadBuilder(Baseline);
        Assert.Equal(builder.Passage(Passage(), UploadMode.RealTime, Picture).Json, builder.Passage(Passage(), UploadMode.RealTime, Picture).Json);
    }

    [Fact]
    public void Completeness_names_the_missing_fields_and_images()
    {
        var record = Passage() with
        {
            Vin = null,
            RegisterDate = null,
            PlateColor = PlateColor.Unknown,
            Photos = new PassPhotos("sha256:f", null, "sha256:p"),
            EnvListImage = null,
            CargoName = null,
            CargoWeightT = null,
        };
        var result = Completeness.Check(record);
        Assert.Equal(["plateColor", "vin", "registerDate"], result.MissingFields);
        Assert.Equal(["bodyPhoto", "envListImage|licenseImage"], result.MissingImages);
        Assert.Contains("缺少字段", result.Describe());
        Assert.True(Completeness.Check(Passage() with { EnvListImage = null, LicenseImage = "sha256:lic" }).IsComplete);
    }

    [Fact]
    public void A_picture_that_could_not_be_resolved_makes_the_upload_incomplete()
    {
        var built = new PayloadBuilder(Baseline).Passage(Passage(), UploadMode.RealTime, r => r.Contains("body") ? null : Picture(r));
        Assert.Equal(["bodyPhoto"], built.Completeness.MissingImages);
        Assert.True(Completeness.Check(Passage()).IsComplete);
    }

    [Fact]
    public void Profiles_can_tighten_the_mandatory_fields()
    {
        var profile = RegulatorProfiles.Baseline;
        profile.Name = "strict";
        profile.Completeness.Passage = MandatoryFields.DefaultPassage + ",cargoName,cargoWeightT";
        var compiled = new ProfileRegistry().Add(profile);
        var built = new PayloadBuilder(compiled).Passage(Passage() with { CargoName = null }, UploadMode.RealTime, Picture);
        Assert.Equal(["cargoName"], built.Completeness.MissingFields);
    }

    [Fact]
    public void Registers_heartbeats_images_and_receipts_have_payloads()
    {
        var builder = new PayloadBuilder(Baseline);
        var machine = new NonRoadMachineRecord
        {
            RecordId = RecordIds.Create(EntCode, RecordKind.NonRoadRegister, "NR-001"),
            EnvRegCode = "13020000012345",
            ProductionDate = new DateOnly(2019, 3, 1),
            EmissionStage = EmissionStage.Guo3,
            FuelType = FuelType.Diesel,
            MachineryKind = NonRoadMachineryKind.Loader,
            Pin = "LG855H123456",
            Model = "LG855H",
            EngineModel = "WD10G220E23",
            EngineMaker = "潍柴动力股份有限公司",
            EngineNo = "1619C012345",
            NameplateImage = "sha256:np",
            EngineNameplateImage = "sha256:enp",
            EnvLabelImage = "sha256:label",
            Owner = "唐山钢铁集团有限责任公司",
        };
        var nonRoad = builder.NonRoadRegister(machine, UploadMode.RealTime, Picture);
        Assert.True(nonRoad.Completeness.IsComplete, nonRoad.Completeness.Describe());
        Assert.Equal("装载机", (string?)JsonNode.Parse(nonRoad.Json)!["machineryKind"]);
        Assert.False(Completeness.Check(machine with { Owner = null }).IsComplete);

        var inPlant = new InPlantVehicleRecord { RecordId = "E1302001-I-1", EnvRegCode = "厂内-017" };
        Assert.Contains("vin", Completeness.Check(inPlant).MissingFields);
        Assert.Contains("厂内-017", builder.InPlantVehicleRegister(inPlant, UploadMode.RealTime, Picture).Json);

        var heartbeat = builder.Heartbeat(new HeartbeatRecord(Now,
            [new DeviceStatus("cam-01", "camera", true, Now.AddSeconds(-2), "正常"), new DeviceStatus("bar-01", "barrier", false, null, "离线")], "G01"));
        var hb = JsonNode.Parse(heartbeat)!;
        Assert.Equal("2026-11-28 10:15:30", (string?)hb["heartbeatTime"]);
        Assert.Equal(2, hb["devices"]!.AsArray().Count);
        Assert.False((bool?)hb["devices"]![1]!["online"]);

        var image = JsonNode.Parse(builder.Image(new ImageUploadRecord("E1302001-M-ab12", "E1302001-P-1", FieldIds.FrontPhoto, "/9j/4AAQ")))!;
        Assert.Equal("/9j/4AAQ", (string?)image["imageData"]);

        var receipt = JsonNode.Parse(builder.CommandReceipt(new CommandReceiptRecord("BL-001", ReceiptStatus.Rejected, Now, "签名验证失败")))!;
        Assert.Equal("rejected", (string?)receipt["status"]);
    }

    [Fact]
    public void Record_ids_are_derived_so_a_resend_carries_the_same_id()
    {
        Assert.Equal(RecordIds.Create(EntCode, RecordKind.Passage, "x1"), RecordIds.Create(EntCode, RecordKind.Passage, "x1"));
        Assert.NotEqual(RecordIds.Create(EntCode, RecordKind.Passage, "x1"), RecordIds.Create(EntCode, RecordKind.VehicleRegister, "x1"));
    }

    [Fact]
    public void File_ids_are_read_from_the_image_upload_response()
    {
        var ok = new Envelope.PlatformResponse(true, false, "0", "成功", """{"fileId":"F-0001"}""");
        Assert.True(FileIdReader.TryRead(Baseline, ok, out var id));
        Assert.Equal("F-0001", id);
        Assert.False(FileIdReader.TryRead(Baseline, ok with { Acknowledged = false }, out _));
    }
}
