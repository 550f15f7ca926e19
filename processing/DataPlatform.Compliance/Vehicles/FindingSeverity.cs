namespace DataPlatform.Compliance.Vehicles;

public enum FindingSeverity
{
    /// <summary>Plausible but worth a look (e.g. an electric truck still on a blue plate).</summary>
    Warning = 1,

    /// <summary>The data cannot be right; the record should be corrected before it is uploaded.</summary>
    Error = 2,
}
