namespace DataPlatform.Engines.ClickHouse.Sql;

/// <summary>
/// Which output formats survive chDB's streaming. chDB formats every chunk of a streamed result on its own, so
/// a format's prefix (a header of names and types) is repeated at the start of every chunk and a suffix (JSON's
/// closing statistics, Parquet's footer) ends every chunk. Row formats without either concatenate as they are;
/// formats with a header stream once the repeated header is cut from all chunks but the first; the rest run
/// whole (buffered), as before streaming.
/// </summary>
internal static class StreamingFormat
{
    private static readonly HashSet<string> RowFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        "TabSeparated", "TSV", "TabSeparatedRaw", "TSVRaw", "Raw", "CSV", "JSONEachRow", "JSONLines", "NDJSON",
        "JSONCompactEachRow", "JSONStringsEachRow", "JSONCompactStringsEachRow", "RowBinary", "Native", "LineAsString",
        "Null",
    };

    private static readonly HashSet<string> TextHeaderFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        "TabSeparated", "TSV", "TabSeparatedRaw", "TSVRaw", "Raw", "CSV", "JSONCompactEachRow", "JSONCompactStringsEachRow",
    };

    /// <summary>Whether a result in <paramref name="format"/> may be streamed.</summary>
    public static bool CanStream(string format) => HeaderKind(format) is not null;

    /// <summary>
    /// Length of the header at the start of <paramref name="firstChunk"/> that chDB repeats in every chunk of a
    /// <paramref name="format"/> stream (0 for none); null when the chunk is too short to hold a whole header.
    /// </summary>
    public static int? HeaderLength(string format, ReadOnlySpan<byte> firstChunk) => HeaderKind(format) switch
    {
        (Header.None, _) => 0,
        (Header.Lines, var lines) => AfterLines(firstChunk, lines),
        (Header.RowBinary, var lists) => RowBinaryHeader(firstChunk, lists),
        _ => null,
    };

    private enum Header
    {
        None,
        Lines,
        RowBinary,
    }

    private static (Header Kind, int Count)? HeaderKind(string format)
    {
        if (RowFormats.Contains(format))
        {
            return (Header.None, 0);
        }

        foreach (var (suffix, count) in new[] { ("WithNamesAndTypes", 2), ("WithNames", 1) })
        {
            if (format.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                var baseFormat = format[..^suffix.Length];
                if (baseFormat.Equals("RowBinary", StringComparison.OrdinalIgnoreCase))
                {
                    return (Header.RowBinary, count);
                }

                if (TextHeaderFormats.Contains(baseFormat))
                {
                    return (Header.Lines, count);
                }
            }
        }

        return null;
    }

    private static int? AfterLines(ReadOnlySpan<byte> chunk, int lines)
    {
        var position = 0;
        for (var i = 0; i < lines; i++)
        {
            var end = chunk[position..].IndexOf((byte)'\n');
            if (end < 0)
            {
                return null;
            }

            position += end + 1;
        }

        return position;
    }

    // RowBinaryWithNames[AndTypes]: a LEB128 column count, then that many length-prefixed names (and types).
    private static int? RowBinaryHeader(ReadOnlySpan<byte> chunk, int lists)
    {
        var position = 0;
        if (ReadVarUInt(chunk, ref position) is not { } columns)
        {
            return null;
        }

        for (ulong i = 0; i < columns * (ulong)lists; i++)
        {
            if (ReadVarUInt(chunk, ref position) is not { } length || (ulong)(chunk.Length - position) < length)
            {
                return null;
            }

            position += (int)length;
        }

        return position;
    }

    private static ulong? ReadVarUInt(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                return null;
            }

            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        return null;
    }
}
