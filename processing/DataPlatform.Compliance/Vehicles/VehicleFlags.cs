namespace DataPlatform.Compliance.Vehicles;

/// <summary>What the plant knows about a vehicle beyond its registration data; emergency policies exempt some of
/// these (spec §3: special and 民生 vehicles).</summary>
[Flags]
public enum VehicleFlags
{
    None = 0,

    /// <summary>专用/特种车辆 (fire, rescue, sanitation …) as the plant registered it.</summary>
    SpecialPurpose = 1,

    /// <summary>民生保障车辆: food, heating fuel, medical supplies — kept moving during alerts.</summary>
    Livelihood = 2,

    /// <summary>厂内运输车辆: never leaves the plant, ledgered in its own register (spec §1.2).</summary>
    InPlant = 4,
}
