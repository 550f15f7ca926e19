namespace DataPlatform.Rating.Metrics;

/// <summary>Orders the emission stages as the ledger stores them (spec §2.3: <c>0</c>…<c>6</c>, <c>6a</c>/<c>6b</c>
/// internal sub-stages of 国六, <c>D</c> electric, <c>X</c> none). "Stage ≥ n or D" is the rating rules' test, so
/// electric ranks above every combustion stage; <c>X</c>, empty (vehicle unknown) and anything unrecognised rank
/// below 0 and never comply.</summary>
public static class StageRank
{
    public const string Electric = "D";

    /// <summary>0…6 for 国0…国6 (6a, 6b → 6), 7 for electric, −1 for none / unknown.</summary>
    public static int Of(string? stage) => stage?.Trim().ToUpperInvariant() switch
    {
        "0" => 0, "1" => 1, "2" => 2, "3" => 3, "4" => 4, "5" => 5,
        "6" or "6A" or "6B" => 6,
        "D" => 7,
        _ => -1,
    };

    /// <summary>Whether <paramref name="stage"/> is at least <paramref name="minimum"/> (a stage code, or <c>D</c>
    /// for "electric only").</summary>
    public static bool IsAtLeast(string? stage, string minimum)
    {
        var rank = Of(stage);
        return rank >= 0 && rank >= Of(minimum);
    }

    public static bool IsElectric(string? stage) => Of(stage) == 7;

    /// <summary>GA 24.4 heavy goods vehicle for statistics (spec §2.5): <c>H1x</c> or <c>Q1x</c>.</summary>
    public static bool IsHeavyGoodsVehicle(string? vehicleType) =>
        vehicleType is { Length: >= 2 } t && (t[0] is 'H' or 'h' or 'Q' or 'q') && t[1] == '1';
}
