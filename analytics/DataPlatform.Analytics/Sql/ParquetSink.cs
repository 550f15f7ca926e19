using Parquet;
using Parquet.Schema;

namespace DataPlatform.Analytics.Sql;

/// <summary>
/// A Parquet file (Parquet.Net) written one row group at a time, so memory holds <see cref="RowGroupRows"/> rows
/// whatever the result's size. Columns keep their type (integers, floats, decimals, booleans, times as UTC
/// timestamps, text); anything else (arrays, maps, UUIDs) is written as ClickHouse prints it. Every column may be null.
/// </summary>
public sealed class ParquetSink(Stream output) : IResultSink
{
    public const int RowGroupRows = 100_000;
    private ParquetColumn[] columns = [];
    private ParquetWriter? writer;
    private int buffered;

    public async ValueTask BeginAsync(IReadOnlyList<ResultColumn> resultColumns, CancellationToken ct)
    {
        columns = resultColumns.Select(ParquetColumn.For).ToArray();
        writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => c.Field)), output, cancellationToken: ct);
    }

    public async ValueTask RowAsync(object?[] values, CancellationToken ct)
    {
        for (var i = 0; i < columns.Length; i++) columns[i].Add(values[i]);
        if (++buffered >= RowGroupRows) await FlushAsync(ct);
    }

    public async ValueTask EndAsync(long rows, CancellationToken ct)
    {
        if (buffered > 0 || rows == 0) await FlushAsync(ct);
        await writer!.DisposeAsync();
        writer = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (writer is not null) await writer.DisposeAsync();
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        using (var group = writer!.CreateRowGroup())
        {
            foreach (var column in columns) await column.WriteAsync(group, ct);
        }

        foreach (var column in columns) column.Clear();
        buffered = 0;
    }
}

/// <summary>One column's values of the row group being built.</summary>
internal abstract class ParquetColumn
{
    public abstract DataField Field { get; }

    public abstract void Add(object? value);

    public abstract Task WriteAsync(ParquetRowGroupWriter group, CancellationToken ct);

    public abstract void Clear();

    public static ParquetColumn For(ResultColumn column)
    {
        var type = Nullable.GetUnderlyingType(column.ClrType) ?? column.ClrType;
        return type switch
        {
            _ when type == typeof(bool) => new ValueColumn<bool>(column.Name, v => (bool)v),
            _ when type == typeof(byte) => new ValueColumn<byte>(column.Name, v => (byte)v),
            _ when type == typeof(sbyte) => new ValueColumn<sbyte>(column.Name, v => (sbyte)v),
            _ when type == typeof(short) => new ValueColumn<short>(column.Name, v => (short)v),
            _ when type == typeof(ushort) => new ValueColumn<ushort>(column.Name, v => (ushort)v),
            _ when type == typeof(int) => new ValueColumn<int>(column.Name, v => (int)v),
            _ when type == typeof(uint) => new ValueColumn<uint>(column.Name, v => (uint)v),
            _ when type == typeof(long) => new ValueColumn<long>(column.Name, v => (long)v),
            _ when type == typeof(ulong) => new ValueColumn<ulong>(column.Name, v => (ulong)v),
            _ when type == typeof(float) => new ValueColumn<float>(column.Name, v => (float)v),
            _ when type == typeof(double) => new ValueColumn<double>(column.Name, v => (double)v),
            _ when type == typeof(decimal) => new ValueColumn<decimal>(column.Name, v => (decimal)v),
            _ when type == typeof(DateTime) => new ValueColumn<DateTime>(column.Name, v => DateTime.SpecifyKind((DateTime)v, DateTimeKind.Utc)),
            _ when type == typeof(DateTimeOffset) => new ValueColumn<DateTime>(column.Name, v => ((DateTimeOffset)v).UtcDateTime),
            _ => new TextColumn(column.Name),
        };
    }
}

internal sealed class ValueColumn<T>(string name, Func<object, T> convert) : ParquetColumn where T : struct
{
    private readonly List<T?> values = new(ParquetSink.RowGroupRows);

    public override DataField Field { get; } = new DataField<T?>(name);

    public override void Add(object? value) => values.Add(value is null or DBNull ? null : convert(value));

    public override Task WriteAsync(ParquetRowGroupWriter group, CancellationToken ct) =>
        group.WriteAsync(Field, new ReadOnlyMemory<T?>(values.ToArray()), null, null, ct);

    public override void Clear() => values.Clear();
}

internal sealed class TextColumn(string name) : ParquetColumn
{
    private readonly List<string?> values = new(ParquetSink.RowGroupRows);

    public override DataField Field { get; } = new DataField<string>(name, true);

    public override void Add(object? value) => values.Add(value is null or DBNull ? null : CellText.Of(value));

    public override Task WriteAsync(ParquetRowGroupWriter group, CancellationToken ct) => group.WriteAsync(Field, values!, null);

    public override void Clear() => values.Clear();
}
