namespace DataPlatform.Rating.Waybills;

/// <summary>Transport modes the gate does not see (spec §4 clean transport). Stored by their English code.</summary>
public static class CleanMode
{
    public const string Rail = "rail";
    public const string Water = "water";
    public const string Pipeline = "pipeline";
    public const string Conveyor = "conveyor";

    /// <summary>rail | water | pipeline | conveyor, or 铁路 / 水路 / 管道 / 管廊 / 皮带 (管廊 and 皮带 = belt corridor).</summary>
    public static string? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "rail" or "铁路" => Rail,
        "water" or "水路" => Water,
        "pipeline" or "管道" => Pipeline,
        "conveyor" or "管廊" or "皮带" => Conveyor,
        _ => null,
    };
}

/// <summary>Load direction of a shipment: in (进) or out (出).</summary>
public static class ShipmentDirection
{
    public const string In = "in";
    public const string Out = "out";

    public static string? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "in" or "进" => In,
        "out" or "出" => Out,
        _ => null,
    };
}
