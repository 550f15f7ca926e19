namespace DataPlatform.Gate.Tests;

/// <summary>An independent ISO 3779 check, written from the standard's table rather than from the production
/// code, so the tests do not just repeat it.</summary>
public static class VinOracle
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

    private static readonly Dictionary<char, int> Values = new()
    {
        ['0'] = 0, ['1'] = 1, ['2'] = 2, ['3'] = 3, ['4'] = 4, ['5'] = 5, ['6'] = 6, ['7'] = 7, ['8'] = 8, ['9'] = 9,
        ['A'] = 1, ['B'] = 2, ['C'] = 3, ['D'] = 4, ['E'] = 5, ['F'] = 6, ['G'] = 7, ['H'] = 8,
        ['J'] = 1, ['K'] = 2, ['L'] = 3, ['M'] = 4, ['N'] = 5, ['P'] = 7, ['R'] = 9,
        ['S'] = 2, ['T'] = 3, ['U'] = 4, ['V'] = 5, ['W'] = 6, ['X'] = 7, ['Y'] = 8, ['Z'] = 9,
    };

    private static readonly int[] Weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    public static char CheckDigit(string vin)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += Values[vin[i]] * Weights[i];
        return "0123456789X"[sum % 11];
    }

    public static bool IsValid(string vin) =>
        vin.Length == 17 && vin.All(Values.ContainsKey) && vin[8] == CheckDigit(vin);

    public static string WithCheckDigit(string seventeen) =>
        string.Concat(seventeen.AsSpan(0, 8), CheckDigit(seventeen).ToString(), seventeen.AsSpan(9));
}
