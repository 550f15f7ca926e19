namespace DataPlatform.Rating;

/// <summary>The outcome of a rating. JSON: <c>"A"</c>, <c>"B"</c>, <c>"C"</c>, <c>"not_rated"</c> (no level's
/// criteria all pass, or the figures a criterion needs are undefined — e.g. no traffic).</summary>
public static class RatingLevel
{
    public const string A = "A";
    public const string B = "B";
    public const string C = "C";
    public const string NotRated = "not_rated";

    /// <summary>Best first: the order levels are tried in, and the order monotonicity is judged by.</summary>
    public static IReadOnlyList<string> Order { get; } = [A, B, C, NotRated];

    public static int Rank(string level)
    {
        var i = Order.ToList().IndexOf(level);
        return i < 0 ? Order.Count : i;
    }

    public static string ChineseName(string level) => level switch
    {
        A => "A级",
        B => "B级",
        C => "C级",
        _ => "不予评级",
    };
}
