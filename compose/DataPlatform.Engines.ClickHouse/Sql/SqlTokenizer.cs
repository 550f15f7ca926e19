namespace DataPlatform.Engines.ClickHouse.Sql;

/// <summary>What kind of lexeme a <see cref="SqlToken"/> is; only what the splitters need to tell apart.</summary>
internal enum SqlTokenKind
{
    Word,
    OpenParen,
    CloseParen,
    Other,
}

/// <summary>A lexeme of a SQL text, as a byte range (request bodies are bytes and may hold binary data).</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int End)
{
    public bool IsWord(ReadOnlySpan<byte> text, string keyword)
    {
        if (Kind != SqlTokenKind.Word || End - Start != keyword.Length)
        {
            return false;
        }

        for (var i = 0; i < keyword.Length; i++)
        {
            if (char.ToUpperInvariant((char)text[Start + i]) != keyword[i])
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// A forgiving ClickHouse SQL lexer over UTF-8 bytes: it skips comments, string literals and quoted
/// identifiers so keywords inside them are never mistaken for clauses. It is only ever asked about a
/// statement's head, never the data that follows <c>FORMAT x</c>, which is why it can work lazily.
/// </summary>
internal ref struct SqlTokenizer
{
    private readonly ReadOnlySpan<byte> text;
    private int position;

    public SqlTokenizer(ReadOnlySpan<byte> text)
    {
        this.text = text;
        position = 0;
    }

    /// <summary>Advances to the next token; false at the end of the text (or of an unterminated literal).</summary>
    public bool Next(out SqlToken token)
    {
        SkipTrivia();
        token = default;
        if (position >= text.Length)
        {
            return false;
        }

        var start = position;
        var current = text[position];
        if (IsWordStart(current))
        {
            while (position < text.Length && IsWordPart(text[position]))
            {
                position++;
            }

            token = new SqlToken(SqlTokenKind.Word, start, position);
            return true;
        }

        switch (current)
        {
            case (byte)'\'':
            case (byte)'"':
            case (byte)'`':
                SkipQuoted(current);
                break;
            case (byte)'$' when TrySkipHeredoc():
                break;
            case (byte)'(':
                position++;
                token = new SqlToken(SqlTokenKind.OpenParen, start, position);
                return true;
            case (byte)')':
                position++;
                token = new SqlToken(SqlTokenKind.CloseParen, start, position);
                return true;
            default:
                position++;
                break;
        }

        token = new SqlToken(SqlTokenKind.Other, start, position);
        return true;
    }

    private static bool IsWordStart(byte b) => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (byte)'_' or >= 0x80;

    private static bool IsWordPart(byte b) => IsWordStart(b) || b is >= (byte)'0' and <= (byte)'9';

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'\v';

    private void SkipTrivia()
    {
        while (position < text.Length)
        {
            var current = text[position];
            if (IsWhitespace(current))
            {
                position++;
            }
            else if (current == '-' && Peek(1) == '-' || current == '#' && (Peek(1) == ' ' || Peek(1) == '!'))
            {
                while (position < text.Length && text[position] != '\n')
                {
                    position++;
                }
            }
            else if (current == '/' && Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    private readonly int Peek(int offset) => position + offset < text.Length ? text[position + offset] : -1;

    private void SkipBlockComment()
    {
        // ClickHouse block comments nest.
        var depth = 0;
        while (position < text.Length)
        {
            if (text[position] == '/' && Peek(1) == '*')
            {
                depth++;
                position += 2;
            }
            else if (text[position] == '*' && Peek(1) == '/')
            {
                depth--;
                position += 2;
                if (depth == 0)
                {
                    return;
                }
            }
            else
            {
                position++;
            }
        }
    }

    private void SkipQuoted(byte quote)
    {
        position++;
        while (position < text.Length)
        {
            var current = text[position];
            if (current == '\\')
            {
                position += 2;
            }
            else if (current == quote)
            {
                // A doubled quote is an escaped quote, not the end of the literal.
                if (Peek(1) == quote)
                {
                    position += 2;
                }
                else
                {
                    position++;
                    return;
                }
            }
            else
            {
                position++;
            }
        }

        position = Math.Min(position, text.Length);
    }

    private bool TrySkipHeredoc()
    {
        // $tag$ ... $tag$ where tag may be empty.
        var tagEnd = position + 1;
        while (tagEnd < text.Length && IsWordPart(text[tagEnd]))
        {
            tagEnd++;
        }

        if (tagEnd >= text.Length || text[tagEnd] != '$')
        {
            return false;
        }

        var tag = text[position..(tagEnd + 1)];
        var closing = text[(tagEnd + 1)..].IndexOf(tag);
        position = closing < 0 ? text.Length : tagEnd + 1 + closing + tag.Length;
        return true;
    }
}
