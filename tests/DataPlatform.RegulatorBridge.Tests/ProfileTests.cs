using System.Reflection;
using System.Text.Json.Nodes;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.RegulatorBridge.Tests;

public sealed class ProfileTests
{
    /// <summary>A made-up city platform whose code table differs: electric is "9", the local fuel extensions are
    /// spelled out, two vehicle types renamed. Still one-to-one, so it must round-trip.</summary>
    private static RegulatorProfile CityProfile(PlateColorStyle style)
    {
        var profile = RegulatorProfiles.Baseline;
        profile.Name = "city-" + style;
        profile.Codes.PlateColor = style;
        profile.Codes.EmissionStage["D"] = "9";
        profile.Codes.FuelType["H"] = "HX";
        profile.Codes.FuelType["J"] = "JX";
        profile.Codes.VehicleType["H11"] = "HG11";
        profile.Codes.VehicleType["Q11"] = "QY11";
        return profile;
    }

    private static readonly string[] ProfileNames = ["baseline", "hebei-tcp", "city-Jtt697Number", "city-AlternateNumber", "city-ChineseName", "city-EnglishCode"];

    private static readonly ProfileRegistry Registry = ProfileRegistry.WithBuiltIns(
        Enum.GetValues<PlateColorStyle>().Select(CityProfile));

    private static readonly Gen<VehicleType> VehicleTypes =
        Gen.Elements("H11", "H12", "H17", "H21", "H31", "H41", "Q11", "Q21", "B11", "G11", "K11", "Z11", "N11", "M11", "T11", "X99")
            .Select(VehicleType.Parse);

    [Property(MaxTest = 300)]
    public Property Code_mappings_round_trip_per_profile() =>
        Prop.ForAll(
            (from name in Gen.Elements(ProfileNames)
             from color in Gen.Elements(PlateColor.All.ToArray())
             from stage in Gen.Elements(EmissionStage.All.ToArray())
             from fuel in Gen.Elements(FuelType.All.ToArray())
             from type in VehicleTypes
             select (name, color, stage, fuel, type)).ToArbitrary(),
            c =>
            {
                var codec = Registry.Get(c.name).Codec;

                var colorWire = codec.PlateColorToWire(c.color);
                Assert.True(codec.TryPlateColorFromWire(colorWire, out var color));
                Assert.Equal(codec.Canonical(c.color), color);
                Assert.Equal(colorWire, codec.PlateColorToWire(color));
                if (codec.PlateColorStyle != PlateColorStyle.AlternateNumber)
                    Assert.Equal(c.color, color);

                var stageWire = codec.EmissionStageToWire(c.stage);
                Assert.True(codec.TryEmissionStageFromWire(stageWire, out var stage));
                Assert.Equal(c.stage.UploadStage, stage);

                Assert.True(codec.TryFuelTypeFromWire(codec.FuelTypeToWire(c.fuel), out var fuel));
                Assert.Equal(c.fuel, fuel);

                Assert.True(codec.TryVehicleTypeFromWire(codec.VehicleTypeToWire(c.type), out var type));
                Assert.Equal(c.type, type);
            });

    [Fact]
    public void The_two_plate_colour_numberings_differ_as_spec_2_4_says()
    {
        Assert.Equal("1", Registry.Get("baseline").Codec.PlateColorToWire(PlateColor.Yellow));
        Assert.Equal("2", Registry.Get("hebei-tcp").Codec.PlateColorToWire(PlateColor.Yellow));
        Assert.Equal("黄绿双拼", Registry.Get("city-ChineseName").Codec.PlateColorToWire(PlateColor.YellowGreen));
        Assert.True(Registry.Get("city-ChineseName").Codec.TryPlateColorFromWire("黄色", out var yellow));
        Assert.Equal(PlateColor.Yellow, yellow);
    }

    [Fact]
    public void Overridden_codes_no_longer_read_as_themselves()
    {
        var codec = Registry.Get("city-Jtt697Number").Codec;
        Assert.Equal("9", codec.EmissionStageToWire(EmissionStage.Electric));
        Assert.False(codec.TryEmissionStageFromWire("D", out _));
        Assert.False(codec.TryVehicleTypeFromWire("H11", out _));
        Assert.True(codec.TryVehicleTypeFromWire("HG11", out var h11));
        Assert.Equal("H11", h11.Code);
    }

    [Theory]
    [InlineData("EmissionStage", "5", "6")]
    [InlineData("EmissionStage", "6a", "7")]
    [InlineData("FuelType", "A", "B")]
    [InlineData("VehicleType", "H11", "H12")]
    public void Overrides_that_are_not_one_to_one_are_refused_at_registration(string table, string from, string to)
    {
        var profile = RegulatorProfiles.Baseline;
        profile.Name = "broken";
        var map = table switch
        {
            "EmissionStage" => profile.Codes.EmissionStage,
            "FuelType" => profile.Codes.FuelType,
            _ => profile.Codes.VehicleType,
        };
        map[from] = to;
        var error = Assert.Throws<InvalidOperationException>(() => new ProfileRegistry().Add(profile));
        Assert.Contains("broken", error.Message);
    }

    [Fact]
    public void Shipped_profiles_are_valid_and_distinct()
    {
        var registry = ProfileRegistry.WithBuiltIns();
        var baseline = registry.Get("baseline");
        var hebei = registry.Get("HEBEI-TCP");
        Assert.Equal(TransportKind.Https, baseline.Profile.Transport);
        Assert.Equal("gate.passage.upload", baseline.MethodFor(RecordKind.Passage));
        Assert.Equal(PictureMode.SeparateUpload, baseline.Profile.Pictures);
        Assert.Equal(TransportKind.TcpJsonLines, hebei.Profile.Transport);
        Assert.True(hebei.Profile.CommandsPushed);
        Assert.Null(hebei.MethodFor(RecordKind.CommandPoll));
        Assert.Equal("hphm", hebei.Fields.Wire(FieldIds.PlateNo));
        Assert.Equal(FieldIds.PlateNo, hebei.Fields.Id("hphm"));
        Assert.Equal(TimeSpan.FromSeconds(60), hebei.Profile.Deadlines.Heartbeat);
    }

    [Fact]
    public void Invalid_configuration_lists_every_problem()
    {
        var profile = RegulatorProfiles.HebeiTcp;
        profile.Tcp.Host = "";
        profile.Tcp.Port = 0;
        profile.Methods.Passage = "";
        profile.FieldNames[FieldIds.Vin] = "hphm";
        profile.Envelope.TimestampFormat = "yyyy-MM-dd HH:mm";
        profile.MappingName = "nope";
        profile.Completeness.Passage = "plateNo,noSuchField";
        var problems = ProfileValidator.Validate(profile, []);
        Assert.Contains(problems, p => p.Contains("Tcp.Host"));
        Assert.Contains(problems, p => p.Contains("Tcp.Port"));
        Assert.Contains(problems, p => p.Contains("Methods.Passage"));
        Assert.Contains(problems, p => p.Contains("'hphm'"));
        Assert.Contains(problems, p => p.Contains("TimestampFormat"));
        Assert.Contains(problems, p => p.Contains("MappingName"));
        Assert.Contains(problems, p => p.Contains("noSuchField"));
    }

    [Fact]
    public void Every_profile_setting_is_a_plain_settable_property_so_configuration_can_bind_it()
    {
        var pending = new Queue<Type>([typeof(RegulatorProfile)]);
        var seen = new HashSet<Type>();
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type))
                continue;
            Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Assert.True(property.SetMethod is { IsPublic: true }, $"{type.Name}.{property.Name} has no public setter");
                var t = property.PropertyType;
                if (t.IsClass && t != typeof(string) && !t.IsGenericType)
                    pending.Enqueue(t);
            }
        }
        Assert.True(seen.Count >= 8);
    }

    [Fact]
    public void Registration_takes_a_snapshot_so_later_edits_to_the_bound_object_do_not_leak_in()
    {
        var profile = CityProfile(PlateColorStyle.Jtt697Number);
        var registry = new ProfileRegistry();
        var compiled = registry.Add(profile);
        profile.Methods.Passage = "changed";
        profile.Codes.EmissionStage["D"] = "8";
        Assert.Equal("gate.passage.upload", compiled.MethodFor(RecordKind.Passage));
        Assert.Equal("9", compiled.Codec.EmissionStageToWire(EmissionStage.Electric));
        Assert.Equal("gate.passage.upload", RegulatorProfiles.Baseline.Methods.Passage);
    }

    private sealed class WrapInList : IPayloadMapping
    {
        public string Name => "wrap";

        public void Adjust(RecordKind kind, JsonObject payload)
        {
            if (kind != RecordKind.Passage)
                return;
            var copy = JsonNode.Parse(payload.ToJsonString())!;
            payload.Clear();
            payload["list"] = new JsonArray(copy);
        }
    }

    [Fact]
    public void A_regulator_is_configuration_plus_at_most_one_small_mapping_class()
    {
        var profile = RegulatorProfiles.Baseline;
        profile.Name = "langfang";
        profile.MappingName = "wrap";
        profile.FieldNames[FieldIds.PlateNo] = "cphm";
        var registry = ProfileRegistry.WithBuiltIns([profile], [new WrapInList()]);
        var built = new PayloadBuilder(registry.Get("langfang")).Passage(Fixture.Passage(), UploadMode.RealTime, Fixture.Picture);
        var payload = JsonNode.Parse(built.Json)!;
        Assert.Equal("冀B12345", (string?)payload["list"]![0]!["cphm"]);
    }

    [Fact]
    public void Unknown_profile_names_say_which_exist()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ProfileRegistry.WithBuiltIns().Get("shanxi"));
        Assert.Contains("baseline", error.Message);
        Assert.Throws<KeyNotFoundException>(() => RegulatorProfiles.Create("shanxi"));
    }

    [Fact]
    public void Https_urls_follow_the_path_template()
    {
        var https = new HttpsOptions { BaseUrl = "https://hb.example/api/" };
        Assert.Equal("https://hb.example/api/", https.UrlFor("gate.passage.upload"));
        https.PathTemplate = "/{method}";
        Assert.Equal("https://hb.example/api/gate.passage.upload", https.UrlFor("gate.passage.upload"));
    }
}
