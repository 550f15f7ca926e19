namespace DataPlatform.Devices.Weighbridge;

/// <summary>The unit an indicator frame states. XK3190 frames state none: the unit is how the indicator was
/// calibrated (kg or t at Chinese weighbridges), so it is configuration.</summary>
public enum WeightUnit
{
    Unspecified = 0,
    Kilogram = 1,
    Pound = 2,
    Gram = 3,
}
