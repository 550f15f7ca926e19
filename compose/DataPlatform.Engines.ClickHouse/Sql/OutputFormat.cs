using System.Text;

namespace DataPlatform.Engines.ClickHouse.Sql;

/// <summary>Reads the explicit output <c>FORMAT</c> of a query, which overrides any default format.</summary>
internal static class OutputFormat
{
    /// <summary>The name in the last top-level <c>FORMAT name</c> clause, or null when there is none.</summary>
    public static string? FindExplicit(ReadOnlySpan<byte> sql)
    {
        var tokenizer = new SqlTokenizer(sql);
        var depth = 0;
        string? found = null;
        var previousWasFormat = false;
        while (tokenizer.Next(out var token))
        {
            if (previousWasFormat && token.Kind == SqlTokenKind.Word && depth == 0)
            {
                found = Encoding.UTF8.GetString(sql[token.Start..token.End]);
            }

            previousWasFormat = depth == 0 && token.IsWord(sql, "FORMAT");
            depth += token.Kind switch
            {
                SqlTokenKind.OpenParen => 1,
                SqlTokenKind.CloseParen when depth > 0 => -1,
                _ => 0,
            };
        }

        return found;
    }
}
