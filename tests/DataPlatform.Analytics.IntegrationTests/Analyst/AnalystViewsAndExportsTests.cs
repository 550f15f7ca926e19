using ClosedXML.Excel;
using DataPlatform.Analytics.IntegrationTests.Infrastructure;
using DataPlatform.Analytics.Sql;
using DataPlatform.Cli.Hosting;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Parquet;
using Parquet.Schema;

namespace DataPlatform.Analytics.IntegrationTests.Analyst;

/// <summary>Issue 12 item 6 on the real engine: the analyst views exist with Chinese column comments, and a streamed
/// result exported to Parquet and xlsx reads back whole with Parquet.Net and ClosedXML.</summary>
[Collection(EnginesCollection.Name)]
public sealed class AnalystViewsAndExportsTests(EnginesFixture engines)
{
    private const string Rows = "SELECT number AS id, concat('京A', toString(number)) AS plate, number / 4 AS tonnes, "
        + "toDateTime('2026-10-01 00:00:00', 'Asia/Shanghai') + number AS at, if(number % 10 = 0, NULL, number) AS maybe FROM numbers({0})";

    [Fact]
    public async Task Every_analyst_view_answers_and_comments_every_column_in_Chinese()
    {
        await using var platform = TestPlatform.Create(engines);
        await platform.StartAsync(PlatformRole.Processing);
        string[] views = ["v_passages", "v_trips", "v_vehicles", "v_machinery", "v_uploads", "v_interceptions", "v_weighings"];

        foreach (var view in views)
        {
            Assert.Equal(0L, Convert.ToInt64(await platform.Client.ExecuteScalarAsync($"SELECT count() FROM {platform.Database}.{view}")));
            using var reader = await platform.Client.ExecuteReaderAsync(
                $"SELECT name, comment FROM system.columns WHERE database = '{platform.Database}' AND table = '{view}'");
            var columns = 0;
            while (reader.Read())
            {
                columns++;
                var comment = reader.GetString(1);
                Assert.True(comment.Any(c => c >= 0x4E00 && c <= 0x9FFF), $"{view}.{reader.GetString(0)} has no Chinese comment: '{comment}'");
            }

            Assert.True(columns >= 5, view);
        }
    }

    [Fact]
    public async Task Migrations_leave_ledger_tables_without_a_deleting_ttl_by_default()
    {
        await using var platform = TestPlatform.Create(engines);
        await platform.StartAsync(PlatformRole.Processing);

        var withTtl = await platform.Client.ExecuteScalarAsync(
            $"SELECT groupArray(name) FROM system.tables WHERE database = '{platform.Database}' AND name IN ('passages', 'trips', 'weighings', 'gate_decisions') AND create_table_query LIKE '%TTL%'");

        Assert.Empty((System.Collections.IEnumerable)withTtl!);
    }

    [Fact]
    public async Task A_streamed_result_exported_to_Parquet_reads_back_with_its_types_and_nulls()
    {
        await using var platform = TestPlatform.Create(engines);
        var host = await platform.StartAsync(PlatformRole.Processing | PlatformRole.Analytics);
        var console = host.Services.GetRequiredService<SqlConsole>();
        using var file = new MemoryStream();

        var summary = await console.StreamAsync(string.Format(Rows, 250_000), new ParquetSink(file), null, CancellationToken.None);

        Assert.Equal(250_000, summary.Rows);
        file.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(file);
        Assert.True(reader.RowGroupCount >= 3, "written in row groups, not in one piece");
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(["id", "plate", "tonnes", "at", "maybe"], fields.Select(f => f.Name));
        long rows = 0, nulls = 0;
        ulong idSum = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var ids = new ulong?[count];
            await group.ReadAsync<ulong>(fields[0], ids);
            var plates = new string[count];
            await group.ReadAsync(fields[1], plates);
            var maybe = new ulong?[count];
            await group.ReadAsync<ulong>(fields[4], maybe);
            for (var i = 0; i < count; i++)
            {
                idSum += ids[i]!.Value;
                Assert.Equal($"京A{ids[i]}", plates[i]);
                if (maybe[i] is null) nulls++;
            }

            rows += count;
        }

        Assert.Equal(250_000, rows);
        Assert.Equal(25_000, nulls);
        Assert.Equal(250_000UL * 249_999 / 2, idSum);
    }

    [Fact]
    public async Task A_streamed_result_exported_to_xlsx_reads_back_with_ClosedXML()
    {
        await using var platform = TestPlatform.Create(engines);
        var host = await platform.StartAsync(PlatformRole.Processing | PlatformRole.Analytics);
        var console = host.Services.GetRequiredService<SqlConsole>();
        using var file = new MemoryStream();

        await using (var sink = new XlsxSink(file))
        {
            await console.StreamAsync(string.Format(Rows, 3_000), sink, null, CancellationToken.None);
        }

        file.Position = 0;
        using var workbook = new XLWorkbook(file);
        var sheet = workbook.Worksheet(1);
        Assert.Equal("plate", sheet.Cell(1, 2).GetString());
        Assert.Equal(3_001, sheet.LastRowUsed().RowNumber());
        Assert.Equal(2_999d, sheet.Cell(3_001, 1).GetDouble());
        Assert.Equal("京A2999", sheet.Cell(3_001, 2).GetString());
        Assert.Equal(2_999 / 4d, sheet.Cell(3_001, 3).GetDouble(), 6);
        Assert.True(sheet.Cell(2, 5).IsEmpty());
    }
}
