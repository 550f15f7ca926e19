namespace DataPlatform.Compliance.Reviews;

/// <summary>The reviewable values of a passage, as stored: plate text, plate colour wire name, GA 24.4 type code
/// (empty when unknown).</summary>
public sealed record ReviewedValues(string PlateNo, string PlateColor, string VehicleType);
