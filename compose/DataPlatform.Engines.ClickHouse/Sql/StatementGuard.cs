namespace DataPlatform.Engines.ClickHouse.Sql;

/// <summary>
/// What ClickHouse's HTTP interface refuses before running anything, and chDB (a local client at heart)
/// would otherwise do: several statements in one request, and a client's file I/O — <c>INTO OUTFILE</c>
/// writes a file on the host even in readonly mode, <c>FROM INFILE</c> reads one.
/// </summary>
internal static class StatementGuard
{
    public const int SyntaxError = 62;
    public const int NotImplemented = 48;

    /// <summary>Null when <paramref name="statement"/> may run, else ClickHouse's code and message for the refusal.</summary>
    /// <param name="statement">The SQL text without any INSERT data that follows its <c>FORMAT</c> clause.</param>
    public static (int Code, string Message)? Check(ReadOnlySpan<byte> statement)
    {
        var tokenizer = new SqlTokenizer(statement);
        var depth = 0;
        var ended = false;
        SqlToken previous = default;
        var hasPrevious = false;
        while (tokenizer.Next(out var token))
        {
            if (ended)
            {
                return (SyntaxError, "Multi-statements are not allowed: send one statement per request (一次请求只能包含一条语句)");
            }

            depth += token.Kind switch
            {
                SqlTokenKind.OpenParen => 1,
                SqlTokenKind.CloseParen when depth > 0 => -1,
                _ => 0,
            };
            if (depth == 0 && token.Kind == SqlTokenKind.Other && statement[token.Start] == (byte)';')
            {
                ended = true;
            }

            if (hasPrevious && previous.IsWord(statement, "INTO") && token.IsWord(statement, "OUTFILE"))
            {
                return (NotImplemented, "INTO OUTFILE is not allowed: the result comes back in the response (结果通过响应返回, 不写服务器文件)");
            }

            if (hasPrevious && previous.IsWord(statement, "FROM") && token.IsWord(statement, "INFILE"))
            {
                return (NotImplemented, "FROM INFILE is not allowed: send the data in the request body (数据请放在请求体中)");
            }

            previous = token;
            hasPrevious = true;
        }

        return null;
    }
}
