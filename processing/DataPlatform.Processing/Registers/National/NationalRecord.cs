using DataPlatform.Gate;
using DataPlatform.Gate.Registers;
using DataPlatform.Ledger;
using DataPlatform.Streams;

namespace DataPlatform.Processing.Registers.National;

/// <summary>The national platform's answer → a road-register change (pure). The answer passes the same checks
/// as a guard-booth registration (VIN check digit, plate grammar, stage/fuel rules): a record the platform got
/// wrong is not learnt. The change id derives from the content, so asking twice learns once.</summary>
public static class NationalRecord
{
    public const string Operator = "national-platform";

    public static (RegistryChange? Change, Rejection? Rejection) ToChange(
        string enterpriseId, PlateNumber plate, PlateColor color, NationalVehicleInfo info, DateTimeOffset now)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RegisterFields.PlateNo] = plate.Text,
            [RegisterFields.PlateColor] = color.ToWireName(),
            [RegisterFields.Vin] = info.Vin ?? "",
            [RegisterFields.VehicleType] = info.VehicleType ?? "",
            [RegisterFields.UseNature] = info.UseNature ?? "",
            ["model"] = info.Model ?? "",
            ["engineModel"] = info.EngineModel ?? "",
            ["engineMaker"] = info.EngineMaker ?? "",
            [RegisterFields.Fuel] = info.Fuel,
            [RegisterFields.Stage] = info.Stage,
            [RegisterFields.Owner] = info.Owner ?? "",
        };
        // Only when listed: an absent date leaves the record's content (and so its change id) as it was.
        if (!string.IsNullOrEmpty(info.RegisterDate)) raw["registerDate"] = info.RegisterDate;
        var (record, rejection) = RegisterRecordReader.Read(RegisterKind.Road, enterpriseId, raw);
        if (record is null) return (null, rejection);
        var content = string.Join("\n", record.Fields.Select(f => $"{f.Key}={f.Value}"));
        var id = DeterministicGuid.For($"national\n{enterpriseId}\n{record.Key}\n{content}");
        return (new RegistryChange(id, RegisterKind.Road.WireName, enterpriseId, record.Key, RegistryChange.NationalPlatformSource,
            Operator, now, record.Fields), null);
    }
}
