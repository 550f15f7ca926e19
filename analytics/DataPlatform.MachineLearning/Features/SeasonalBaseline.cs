namespace DataPlatform.MachineLearning.Features;

/// <summary>What a gate usually sees at one hour of the day: the median and the median absolute deviation (MAD) of its
/// arrivals at that hour on earlier days. A burst is scored by how far it is from the median in robust spreads —
/// an absolute measure, so one extreme hour cannot make itself look ordinary (as it could with RandomizedPca's relative
/// reconstruction error, where the extreme hour pulled a principal component towards itself). Pure.</summary>
/// <remarks><paramref name="Days"/>: How many earlier days the baseline was taken from.</remarks>
public sealed record SeasonalBaseline(double Median, double Mad, int Days)
{
    /// <summary>1.4826 · MAD estimates a normal standard deviation.</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>The least spread: a quiet night gate's counts are often all equal (MAD 0), and a spread of 0 would call
    /// one extra truck infinitely odd. One arrival is the smallest change a count can show.</summary>
    public const double MinSpread = 1.0;

    public double Spread => Math.Max(MadToSigma * Mad, MinSpread);

    /// <summary>Robust z-score of an hour's arrivals against this baseline; positive = more than usual.</summary>
    public double Score(int arrivals) => (arrivals - Median) / Spread;

    /// <summary>From the counts of the same gate and hour of day on earlier days (zero-arrival days included).</summary>
    public static SeasonalBaseline Of(IReadOnlyCollection<int> earlierCounts)
    {
        if (earlierCounts.Count == 0) return new SeasonalBaseline(0, 0, 0);
        var median = MedianOf(earlierCounts.Select(c => (double)c));
        return new SeasonalBaseline(median, MedianOf(earlierCounts.Select(c => Math.Abs(c - median))), earlierCounts.Count);
    }

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
