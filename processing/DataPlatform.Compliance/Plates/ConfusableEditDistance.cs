namespace DataPlatform.Compliance.Plates;

/// <summary>Levenshtein distance where swapping confusable characters (0/D/Q, 8/B, 1/I …) costs less than any
/// other edit, so "冀B1234S" is nearer to "冀B12345" than "冀B12346" is.</summary>
public static class ConfusableEditDistance
{
    /// <summary>Cost of substituting one confusable character for another; every other edit costs 1.</summary>
    public const double ConfusableSubstitutionCost = 0.5;

    public static double Compute(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new double[b.Length + 1];
        var current = new double[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = a[i - 1] == b[j - 1] ? 0
                    : ConfusableCharacters.AreConfusable(a[i - 1], b[j - 1]) ? ConfusableSubstitutionCost : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + substitution);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The positions where <paramref name="read"/> differs from <paramref name="candidate"/>, when every
    /// difference is a confusable substitution and there are at most <paramref name="maxSubstitutions"/>; null
    /// otherwise (different length, a non-confusable difference, or too many). Empty when equal.</summary>
    public static IReadOnlyList<int>? ConfusableDifferences(string read, string candidate, int maxSubstitutions)
    {
        if (read.Length != candidate.Length)
            return null;
        var positions = new List<int>();
        for (var i = 0; i < read.Length; i++)
        {
            if (read[i] == candidate[i])
                continue;
            if (!ConfusableCharacters.AreConfusable(read[i], candidate[i]) || positions.Count == maxSubstitutions)
                return null;
            positions.Add(i);
        }
        return positions;
    }
}
