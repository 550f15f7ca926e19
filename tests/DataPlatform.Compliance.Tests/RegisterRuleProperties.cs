using System.Text.Json;
using DataPlatform.Gate.Registers;

namespace DataPlatform.Compliance.Tests;

/// <summary>The register vocabulary: stage/fuel rules, the audit diff and the register record reader.</summary>
public sealed class RegisterRuleProperties
{
    private static readonly Gen<RegisterKind> Kind = Gen.Elements(RegisterKind.InPlant, RegisterKind.NonRoad, RegisterKind.Road);
    private static readonly Gen<EmissionStage> Stage = Gen.Elements(EmissionStage.All.ToArray());
    private static readonly Gen<FuelType> Fuel = Gen.Elements(FuelType.All.ToArray());

    private static readonly Gen<SortedDictionary<string, string>> Fields =
        Gen.ListOf(Gen.Zip(Gen.Elements("plateNo", "stage", "fuel", "owner", "vin", "model", "pin"),
                Gen.Elements("", "国四", "B", "C", "某公司", "冀B12345", "X", "a=b")))
            .Select(pairs =>
            {
                var d = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var (k, v) in pairs) d[k] = v;
                return d;
            });

    [Property(MaxTest = 2000)]
    public Property Stage_D_is_accepted_only_with_electric_or_hydrogen_fuel() =>
        Prop.ForAll(Gen.Zip(Kind, Fuel).ToArbitrary(), t =>
            StageFuelRules.IsConsistent(t.Item1, EmissionStage.Electric, t.Item2) == (t.Item2 is FuelType.Electric or FuelType.Hydrogen));

    [Property(MaxTest = 2000)]
    public Property Stage_X_is_accepted_only_for_non_road_machinery() =>
        Prop.ForAll(Gen.Zip(Kind, Fuel).ToArbitrary(), t =>
            !StageFuelRules.IsConsistent(t.Item1, EmissionStage.None, t.Item2) || t.Item1 == RegisterKind.NonRoad);

    [Property(MaxTest = 2000)]
    public Property Machinery_never_carries_a_road_stage_above_guo4() =>
        Prop.ForAll(Gen.Zip(Stage, Fuel).ToArbitrary(), t =>
            !StageFuelRules.IsConsistent(RegisterKind.NonRoad, t.Item1, t.Item2) || !t.Item1.IsCombustion || t.Item1 <= EmissionStage.Guo4);

    [Property(MaxTest = 2000)]
    public Property Every_inconsistent_pair_has_a_code_and_a_chinese_reason() =>
        Prop.ForAll(Gen.Zip(Kind, Gen.Zip(Stage, Fuel), (k, sf) => (k, sf.Item1, sf.Item2)).ToArbitrary(), t =>
            StageFuelRules.Check(t.Item1, t.Item2, t.Item3) is not { } r
            || (r.Code.Length > 0 && r.Reason.Any(c => c is >= '\u4e00' and <= '\u9fff')));

    [Property(MaxTest = 1000)]
    public Property A_record_diffed_with_itself_is_empty() =>
        Prop.ForAll(Fields.ToArbitrary(), f => RecordDiff.Between(f, f).Count == 0);

    [Property(MaxTest = 1000)]
    public Property Applying_the_diff_reproduces_the_new_record() =>
        Prop.ForAll(Gen.Zip(Fields, Fields).ToArbitrary(), t =>
            RecordDiff.Apply(t.Item1, RecordDiff.Between(t.Item1, t.Item2)).SequenceEqual(RecordDiff.Normalised(t.Item2)));

    [Property(MaxTest = 1000)]
    public Property The_diff_names_each_changed_field_once_in_order() =>
        Prop.ForAll(Gen.Zip(Fields, Fields).ToArbitrary(), t =>
        {
            var names = RecordDiff.Between(t.Item1, t.Item2).Select(c => c.Field).ToList();
            return names.SequenceEqual(names.Distinct().Order(StringComparer.Ordinal))
                   && RecordDiff.Between(t.Item1, t.Item2).All(c => c.Before != c.After);
        });

    /// <summary>Whatever the booth sends, the reader returns a record or a rejection — never throws — and an
    /// accepted record reads back to itself (normalisation is idempotent).</summary>
    [Property(MaxTest = 1000)]
    public Property Any_input_is_a_record_or_a_rejection_and_records_are_stable() =>
        Prop.ForAll(Gen.Zip(Kind, Gen.ListOf(Gen.Zip(
                Gen.Elements("registrationCode", "plateNo", "plateColor", "vin", "fuel", "stage", "machineryKind", "pin", "owner", "productionDate", "bogus"),
                Gen.Elements("", "冀B12345", "yellow", "LSVAM4187C2184847", "LSVAM4187C2184848", "B", "C", "D", "X", "2", "5", "国二",
                    "excavator", "PIN-001", "某公司", "2024-02-30", "2024-02-28", "ZX/1", "\u0001"))))
            .ToArbitrary(), t =>
        {
            var raw = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in t.Item2) raw[k] = v;
            var (record, rejection) = RegisterRecordReader.Read(t.Item1, "E1", raw);
            if (record is null) return rejection is { Code.Length: > 0 };
            var (again, _) = RegisterRecordReader.Read(t.Item1, "E1", record.Fields);
            return rejection is null && again is not null && again.Equals(record);
        });

    [Fact]
    public void A_machine_of_stage_guo2_on_diesel_is_read_with_its_codes()
    {
        var json = JsonDocument.Parse("""
            {"registrationCode":"jb-nr-0001","pin":"PIN123","machineryKind":"挖掘机","stage":"国二","fuel":"柴油",
             "owner":"某钢铁公司","plateNo":"冀B·J1234","enterpriseId":"E1"}
            """).RootElement;
        var (record, rejection) = RegisterRecordReader.Read(RegisterKind.NonRoad, "E1", json, new HashSet<string> { "enterpriseId" });
        Assert.Null(rejection);
        Assert.Equal("JB-NR-0001", record!.Key);
        Assert.Equal(("2", "B", "excavator", "冀BJ1234", "unknown"),
            (record["stage"], record["fuel"], record["machineryKind"], record["plateNo"], record["plateColor"]));
    }

    [Theory]
    [InlineData("""{"registrationCode":"A1","pin":"P","machineryKind":"loader","stage":"5","fuel":"B","owner":"o"}""", StageFuelRules.NonRoadStage)]
    [InlineData("""{"registrationCode":"A1","pin":"P","machineryKind":"loader","stage":"D","fuel":"B","owner":"o"}""", StageFuelRules.ElectricStageFuel)]
    [InlineData("""{"registrationCode":"A1","pin":"P","machineryKind":"shovel","stage":"3","fuel":"B","owner":"o"}""", RejectionCodes.UnknownCode)]
    [InlineData("""{"registrationCode":"A1","pin":"P","stage":"3","fuel":"B","owner":"o"}""", RejectionCodes.MissingField)]
    [InlineData("""{"registrationCode":"A1","pin":"P","machineryKind":"loader","stage":"3","fuel":"B","owner":"o","colour":"red"}""", RejectionCodes.InvalidField)]
    public void Invalid_machinery_is_refused_with_a_code(string json, string code)
    {
        var (record, rejection) = RegisterRecordReader.Read(RegisterKind.NonRoad, "E1", JsonDocument.Parse(json).RootElement);
        Assert.Null(record);
        Assert.Equal(code, rejection!.Code);
    }

    [Fact]
    public void An_in_plant_vehicle_with_a_wrong_vin_check_digit_or_stage_x_is_refused()
    {
        var vin = RegisterRecordReader.Read(RegisterKind.InPlant, "E1", new Dictionary<string, string>
        {
            ["registrationCode"] = "CN-01", ["vin"] = "LSVAM4187C2184848", ["fuel"] = "B", ["stage"] = "5", ["owner"] = "o",
        });
        var stageX = RegisterRecordReader.Read(RegisterKind.InPlant, "E1", new Dictionary<string, string>
        {
            ["registrationCode"] = "CN-01", ["fuel"] = "B", ["stage"] = "X", ["owner"] = "o",
        });
        Assert.Equal(RejectionCodes.InvalidField, vin.Rejection!.Code);
        Assert.Equal(StageFuelRules.StageXRoad, stageX.Rejection!.Code);
    }
}
