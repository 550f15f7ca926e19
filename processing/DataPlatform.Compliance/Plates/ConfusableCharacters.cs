namespace DataPlatform.Compliance.Plates;

/// <summary>Characters plate cameras mistake for one another. Groups are small on purpose: every pair here is a
/// licence to correct a read when other evidence agrees, so a loose table would license wrong corrections.
/// I and O never appear on plates but do appear in raw reads, so they belong to their look-alike groups.
/// Province characters are not grouped: their misreads are rare and a wrong province is a different vehicle.</summary>
public static class ConfusableCharacters
{
    private static readonly string[] Groups = ["0DQO", "8B", "1I", "2Z", "5S", "6G", "4A", "7T"];

    private static readonly Dictionary<char, char> Representative = BuildRepresentatives();

    /// <summary>True when a ≠ b and both are in the same group.</summary>
    public static bool AreConfusable(char a, char b) =>
        a != b && Representative.TryGetValue(a, out var ra) && Representative.TryGetValue(b, out var rb) && ra == rb;

    /// <summary>Each character replaced by its group's first member: two texts have the same skeleton exactly
    /// when they differ only by confusable substitutions, so a registry can index by it.</summary>
    public static string Skeleton(string text) =>
        string.Create(text.Length, text, static (dest, src) =>
        {
            for (var i = 0; i < src.Length; i++)
                dest[i] = Representative.TryGetValue(src[i], out var r) ? r : src[i];
        });

    private static Dictionary<char, char> BuildRepresentatives()
    {
        var map = new Dictionary<char, char>();
        foreach (var group in Groups)
            foreach (var c in group)
                map.Add(c, group[0]);
        return map;
    }
}
