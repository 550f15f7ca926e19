using DataPlatform.Gate.Registers;
using DataPlatform.Streams;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>
/// The registry's vehicle fields on a passage record (pure). [P] The register version used is the one in force
/// at the passage: the newest version of the plate registered at or before the pass time (a road-vehicle record
/// of the same plate and colour first, else an in-plant record of the plate). Chosen over "latest known" so a
/// republished record is byte-identical: the same passage always reads the same version, whenever it is
/// published again; a vehicle registered only after it passed is uploaded without the fields, as the registry
/// stood then. Only fields the passage does not have itself are written, so enrichment never changes the
/// passage's own values (plate, colour, camera's vehicle type, time, gate, pictures).
/// </summary>
public static class PassageEnrichment
{
    /// <summary>Register field → ledger record field (spec §1.1 ids, as the bridge reads them).</summary>
    public static readonly IReadOnlyList<(string Register, string Record)> FieldMap =
    [
        (RegisterFields.Vin, "vin"),
        ("registerDate", "registerDate"),
        ("model", "model"),
        ("engineModel", "engineModel"),
        ("engineMaker", "engineMaker"),
        ("engineNo", "engineNo"),
        (RegisterFields.Fuel, "fuelType"),
        (RegisterFields.Stage, "emissionStage"),
        (RegisterFields.UseNature, "useNature"),
        ("obdOnline", "obdOnline"),
        (RegisterFields.Owner, "fleetName"),
        ("envListImage", "envListImage"),
        ("licenseImage", "licenseImage"),
    ];

    /// <summary>The record field naming the register version used.</summary>
    public const string RegisterRowField = "registerRowId";

    /// <summary>The register version in force at <paramref name="passTimeUtc"/> for the plate, or null.</summary>
    public static VehicleRegisterVersion? InForce(IEnumerable<VehicleRegisterVersion> versions, string enterpriseId,
        string plateNo, string plateColor, DateTime passTimeUtc)
    {
        VehicleRegisterVersion? best = null;
        foreach (var v in versions)
        {
            if (v.EnterpriseId != enterpriseId || v.PlateNo != plateNo || v.ChangedAt > passTimeUtc) continue;
            if (v.Kind == RegisterKind.Road && v.PlateColor != plateColor) continue;
            if (best is null || Compare(Rank(v), Rank(best)) > 0) best = v;
        }
        return best;
    }

    // Road records describe the truck as the national platform knows it; a version with a higher number wins,
    // ties (two registers) broken by row id so the choice never depends on read order.
    private static (int, uint, Guid) Rank(VehicleRegisterVersion v) => (v.Kind == RegisterKind.Road ? 1 : 0, v.Version, v.RowId);

    private static int Compare((int, uint, Guid) a, (int, uint, Guid) b) =>
        a.Item1 != b.Item1 ? a.Item1.CompareTo(b.Item1) : a.Item2 != b.Item2 ? a.Item2.CompareTo(b.Item2) : a.Item3.CompareTo(b.Item3);

    /// <summary>The vehicle fields to add, in a fixed order; never one of <paramref name="own"/>.</summary>
    public static List<(string Name, string Value)> Fields(VehicleRegisterVersion? version, IReadOnlySet<string> own)
    {
        var fields = new List<(string, string)>();
        if (version is null) return fields;
        foreach (var (register, record) in FieldMap)
            if (!own.Contains(record) && version.Fields.TryGetValue(register, out var value) && value.Length > 0)
                fields.Add((record, value));
        if (!own.Contains(RegisterRowField)) fields.Add((RegisterRowField, version.RowId.ToString()));
        return fields;
    }

    /// <summary>The record with the vehicle fields set (none of them is a field of the passage itself).</summary>
    public static LedgerPassageRecord Apply(LedgerPassageRecord record, IEnumerable<(string Name, string Value)> fields)
    {
        foreach (var (name, value) in fields)
        {
            record = name switch
            {
                "vin" => record with { Vin = value },
                "registerDate" => record with { RegisterDate = value },
                "model" => record with { Model = value },
                "engineModel" => record with { EngineModel = value },
                "engineMaker" => record with { EngineMaker = value },
                "engineNo" => record with { EngineNo = value },
                "fuelType" => record with { FuelType = value },
                "emissionStage" => record with { EmissionStage = value },
                "useNature" => record with { UseNature = value },
                "obdOnline" => record with { ObdOnline = IsTrue(value) },
                "fleetName" => record with { FleetName = value },
                "envListImage" => record with { EnvListImage = value },
                "licenseImage" => record with { LicenseImage = value },
                RegisterRowField => record with { RegisterRowId = value },
                _ => throw new InvalidOperationException($"ledger record field {name} is not a vehicle field of the record"),
            };
        }
        return record;
    }

    /// <summary>联网状态 as entered at the booth or by the national platform (true / 1 / 是 / 已联网).</summary>
    public static bool IsTrue(string value) =>
        value.Trim().ToLowerInvariant() is "true" or "1" or "yes" or "y" or "是" or "已联网" or "联网";
}
