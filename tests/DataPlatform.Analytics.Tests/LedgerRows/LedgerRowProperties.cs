using System.Data;
using System.Data.Common;
using DataPlatform.Ledger;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Analytics.Tests.LedgerRows;

/// <summary>The by-name row reader every ledger mapper uses (<see cref="LedgerRow"/>), on a real
/// <see cref="DbDataReader"/> (<see cref="DataTable.CreateDataReader"/>) holding the CLR types the ClickHouse driver
/// returns: <c>toUnixTimestamp</c> is a UInt32, <c>toUnixTimestamp64Milli</c> an Int64, <c>UInt8</c> a byte.</summary>
public sealed class LedgerRowProperties
{
    // Unix seconds a DateTime column holds (1970 … 2106, the whole UInt32 range).
    private static readonly Gen<uint> Seconds =
        Gen.Zip(Gen.Choose(0, ushort.MaxValue), Gen.Choose(0, ushort.MaxValue)).Select(halves => ((uint)halves.Item1 << 16) | (uint)halves.Item2);

    [Property(MaxTest = 500)]
    public Property Unix_seconds_and_millis_read_back_as_the_same_UTC_instant() =>
        Prop.ForAll(Seconds.ToArbitrary(), Gen.Choose(0, 999).ToArbitrary(), (seconds, millis) =>
        {
            var at = DateTimeOffset.FromUnixTimeSeconds(seconds).AddMilliseconds(millis);
            using var reader = Row(("pass_time_s", typeof(uint), seconds), ("applied_at_ms", typeof(long), at.ToUnixTimeMilliseconds()));

            var secondsRead = reader.UnixSeconds("pass_time_s");
            var millisRead = reader.UnixMillis("applied_at_ms");

            Assert.Equal(DateTimeKind.Utc, secondsRead.Kind);
            Assert.Equal(DateTimeKind.Utc, millisRead.Kind);
            Assert.Equal(seconds, (uint)new DateTimeOffset(secondsRead).ToUnixTimeSeconds());
            Assert.Equal(at.UtcDateTime, millisRead);
        });

    [Property(MaxTest = 200)]
    public Property A_row_reads_the_same_whatever_the_order_of_its_columns() =>
        Prop.ForAll(Gen.Shuffle(Enumerable.Range(0, 6)).ToArbitrary(), Gen.Choose(0, 255).ToArbitrary(), (order, direction) =>
        {
            var id = Guid.NewGuid();
            (string, Type, object)[] columns =
            [
                ("passage_id", typeof(Guid), id), ("plate_no", typeof(string), "苏E12345"), ("direction", typeof(byte), (byte)direction),
                ("chain_seq", typeof(ulong), 41UL), ("confidence", typeof(float), 0.875f), ("pictures", typeof(string[]), new[] { "a.jpg", "b.jpg" }),
            ];
            using var reader = Row([.. order.Select(i => columns[i])]);

            Assert.Equal(id, reader.Uuid("passage_id"));
            Assert.Equal("苏E12345", reader.String("plate_no"));
            Assert.Equal((byte)direction, reader.Byte("direction"));
            Assert.Equal(41L, reader.Int64("chain_seq"));
            Assert.Equal(41UL, reader.UInt64("chain_seq"));
            Assert.Equal(0.875f, reader.NullableSingle("confidence"));
            Assert.Equal(["a.jpg", "b.jpg"], reader.Strings("pictures"));
        });

    [Fact]
    public void A_column_the_result_lacks_fails_naming_it_and_the_columns_there_are()
    {
        using var reader = Row(("record_id", typeof(string), "R1"), ("attempts", typeof(uint), 2u));

        var error = Assert.Throws<InvalidOperationException>(() => reader.String("acked_at"));

        Assert.Contains("'acked_at'", error.Message, StringComparison.Ordinal);
        Assert.Contains("record_id, attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_reads_as_null_where_the_column_is_nullable_and_fails_naming_the_column_where_it_is_not()
    {
        using var reader = Row(("confidence", typeof(float), DBNull.Value), ("attempts", typeof(uint), DBNull.Value));

        Assert.Null(reader.NullableSingle("confidence"));
        Assert.True(reader.IsNull("attempts"));
        var error = Assert.Throws<InvalidCastException>(() => reader.Int32("attempts"));
        Assert.Contains("'attempts'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_UInt8_flag_is_true_only_for_1()
    {
        using var reader = Row(("complete", typeof(byte), (byte)1), ("reviewed", typeof(byte), (byte)0));

        Assert.True(reader.Flag("complete"));
        Assert.False(reader.Flag("reviewed"));
    }

    // One row, positioned on it, as a query result would be after Read().
    private static DbDataReader Row(params (string Name, Type Type, object Value)[] columns)
    {
        var table = new DataTable();
        foreach (var (name, type, _) in columns) table.Columns.Add(name, type);
        table.Rows.Add([.. columns.Select(c => c.Value)]);
        var reader = table.CreateDataReader();
        Assert.True(reader.Read());
        return reader;
    }
}
