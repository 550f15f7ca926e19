using System.Text;

namespace DataPlatform.Engines.ClickHouse.Sql;

/// <summary>
/// An INSERT whose rows follow its <c>FORMAT name</c> clause in the same text, cut into the statement
/// and the data. chDB truncates inline data at the first newline, so the data must travel separately.
/// </summary>
/// <param name="Statement">The statement up to, not including, the <c>FORMAT</c> keyword.</param>
/// <param name="SettingsOffset">Offset of a top-level <c>SETTINGS</c> clause inside <paramref name="Statement"/>, or -1.</param>
/// <param name="Format">The input format name.</param>
/// <param name="FormatClauseEnd">Offset just past the format name in the original text.</param>
/// <param name="DataOffset">Offset where the data starts in the original text.</param>
internal sealed record InsertSplit(string Statement, int SettingsOffset, string Format, int FormatClauseEnd, int DataOffset)
{
    /// <summary>
    /// Finds the data part of an <c>INSERT ... FORMAT x</c>; null for anything else (SELECTs, DDL,
    /// <c>INSERT ... VALUES</c> and <c>INSERT ... SELECT</c>, which chDB runs fine as text).
    /// </summary>
    public static InsertSplit? TryParse(ReadOnlySpan<byte> text)
    {
        var tokenizer = new SqlTokenizer(text);
        if (!tokenizer.Next(out var first) || !first.IsWord(text, "INSERT"))
        {
            return null;
        }

        var depth = 0;
        var settingsOffset = -1;
        while (tokenizer.Next(out var token))
        {
            switch (token.Kind)
            {
                case SqlTokenKind.OpenParen:
                    depth++;
                    continue;
                case SqlTokenKind.CloseParen:
                    depth = Math.Max(0, depth - 1);
                    continue;
                case SqlTokenKind.Word when depth == 0:
                    break;
                default:
                    continue;
            }

            if (token.IsWord(text, "VALUES") || token.IsWord(text, "SELECT") || token.IsWord(text, "WITH") || token.IsWord(text, "INFILE"))
            {
                return null;
            }

            if (token.IsWord(text, "SETTINGS"))
            {
                settingsOffset = token.Start;
            }
            else if (token.IsWord(text, "FORMAT"))
            {
                if (!tokenizer.Next(out var name) || name.Kind != SqlTokenKind.Word)
                {
                    return null;
                }

                return new InsertSplit(
                    Encoding.UTF8.GetString(text[..token.Start]),
                    settingsOffset,
                    Encoding.UTF8.GetString(text[name.Start..name.End]),
                    name.End,
                    DataStart(text, name.End));
            }
        }

        return null;
    }

    // ClickHouse: the data begins after the first line feed following the format name, or after all
    // whitespace when there is none — so a first data byte that happens to be a space survives.
    private static int DataStart(ReadOnlySpan<byte> text, int position)
    {
        while (position < text.Length && SqlTokenizer.IsWhitespace(text[position]))
        {
            if (text[position++] == '\n')
            {
                break;
            }
        }

        return position;
    }

    /// <summary>The same INSERT reading its rows from <paramref name="dataFile"/> instead of inline.</summary>
    public string WithInfile(string dataFile)
    {
        var infile = $" FROM INFILE '{EscapeLiteral(dataFile)}' ";
        var statement = SettingsOffset >= 0
            ? Statement[..ByteToCharOffset(SettingsOffset)] + infile + Statement[ByteToCharOffset(SettingsOffset)..]
            : Statement.TrimEnd() + infile;
        return $"{statement.TrimEnd()} FORMAT {Format}";
    }

    private int ByteToCharOffset(int byteOffset)
    {
        var bytes = Encoding.UTF8.GetBytes(Statement);
        return Encoding.UTF8.GetCharCount(bytes, 0, byteOffset);
    }

    internal static string EscapeLiteral(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
}
