namespace DataPlatform.Analytics.Sql;

/// <summary>Writes results in any <see cref="OutputFormat"/>: a fully read <see cref="QueryResult"/>, or rows as they stream.</summary>
public static class ResultWriter
{
    /// <summary>A small, fully read result as text (table, CSV or JSON).</summary>
    /// <exception cref="ArgumentException">A binary format: those go to a file, see <see cref="CreateSink"/>.</exception>
    public static void Write(QueryResult result, OutputFormat format, TextWriter output)
    {
        if (format.IsBinary())
            throw new ArgumentException($"{format} 是文件格式, 请用 dataplatform sql --out FILE (a file format: use dataplatform sql --out FILE)", nameof(format));
        // Text sinks complete synchronously.
        var sink = CreateSink(format, output, Stream.Null);
        var columns = result.Columns.Select((c, i) => new ResultColumn(c, result.Types[i], typeof(object))).ToList();
        sink.BeginAsync(columns, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        foreach (var row in result.Rows) sink.RowAsync(row, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        sink.EndAsync(result.Rows.Count, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The sink for <paramref name="format"/>: text formats write to <paramref name="text"/>, files to <paramref name="file"/>.</summary>
    public static IResultSink CreateSink(OutputFormat format, TextWriter text, Stream file) => format switch
    {
        OutputFormat.Csv => new CsvSink(text),
        OutputFormat.Json => new JsonSink(text),
        OutputFormat.Xlsx => new XlsxSink(file),
        OutputFormat.Parquet => new ParquetSink(file),
        _ => new TableSink(text),
    };

    /// <summary>Terminal columns a string takes: CJK and full-width characters take two.</summary>
    public static int DisplayWidth(string text) => TableSink.DisplayWidth(text);
}
