using System.CommandLine;
using System.Text;
using ClickHouse.Driver;
using DataPlatform.Analytics.Sql;
using DataPlatform.Cli.Hosting;
using DataPlatform.Cli.Standalone;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Cli.Commands;

/// <summary>
/// <c>dataplatform sql "SELECT ..."</c>: one read-only statement over the ledger as the analyst user, rows streamed
/// as they arrive to a table, CSV or JSON, or exported to an xlsx or Parquet file with <c>--out</c>.
/// Exit codes: 0 done, 2 refused or failed by the engine (or bad options), 3 no connection.
/// </summary>
public static class SqlCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "One SQL statement, e.g. \"SELECT count() FROM v_passages\"" };
        var format = new Option<string?>("--format", "-f") { Description = $"{OutputFormats.Names} (default: table, or what --out's extension says)" };
        var output = new Option<string?>("--out", "-o") { Description = "Write the result to this file instead of the terminal (needed for xlsx and parquet)" };
        var data = new Option<string?>("--data") { Description = "The standalone's data folder, for the analyst password (default: $DATAPLATFORM_DATA or the default folder)" };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("sql", "Run one read-only SQL statement against the ledger (database 'ledger'; analyst views v_*)")
        {
            query, format, output, data, endpoint,
        };
        command.SetAction(async (parse, ct) =>
        {
            var outPath = parse.GetValue(output);
            var chosen = ChooseFormat(parse.GetValue(format), outPath);
            if (chosen is null) return 2;
            using var host = BuildHost(parse.GetValue(endpoint), parse.GetValue(data));
            var console = host.Services.GetRequiredService<SqlConsole>();
            return await RunAsync(console, parse.GetValue(query)!, chosen.Value, outPath, ct);
        });
        return command;
    }

    private static OutputFormat? ChooseFormat(string? name, string? outPath)
    {
        var format = name is null ? (outPath is null ? OutputFormat.Table : OutputFormats.FromFileName(outPath) ?? OutputFormat.Csv) : OutputFormats.Parse(name);
        if (format is null)
        {
            Console.Error.WriteLine($"未知的输出格式 '{name}' (unknown format '{name}'): 可选 {OutputFormats.Names}");
            return null;
        }

        if (format.Value.IsBinary() && outPath is null && !Console.IsOutputRedirected)
        {
            Console.Error.WriteLine($"{format.Value.ToString().ToLowerInvariant()} 是文件格式, 请加 --out 文件名 (a file format: add --out FILE)");
            return null;
        }

        return format;
    }

    private static Microsoft.Extensions.Hosting.IHost BuildHost(string? clickHouse, string? dataDirectory)
    {
        var overrides = new Dictionary<string, string?>();
        if (clickHouse is not null) overrides["ClickHouse:Endpoint"] = clickHouse;
        if (dataDirectory is not null && ClickHouseCredentials.TryLoad(Path.GetFullPath(dataDirectory)) is { } credentials)
        {
            overrides["Analytics:Sql:Username"] = credentials.Analyst.Name;
            overrides["Analytics:Sql:Password"] = credentials.Analyst.Password;
        }

        var builder = DataPlatformHostingExtensions.CreateBuilder(overrides);
        builder.AddDataPlatform(PlatformRole.Analytics);
        return builder.Build();
    }

    private static async Task<int> RunAsync(SqlConsole console, string sql, OutputFormat format, string? outPath, CancellationToken ct)
    {
        // A file is written beside its target and moved into place when complete: a failed query leaves no half file.
        var partial = outPath is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, $".{Path.GetFileName(outPath)}.{Environment.ProcessId}.partial");
        var target = partial is null ? Console.OpenStandardOutput() : new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var counted = new CountingStream(target);
        var showProgress = !Console.IsErrorRedirected && (outPath is not null || Console.IsOutputRedirected);
        var progress = showProgress ? new TerminalProgress(counted) : null;
        try
        {
            SqlRunSummary summary;
            await using (var text = new StreamWriter(counted, new UTF8Encoding(false), 1 << 16) { AutoFlush = false })
            {
                var sink = ResultWriter.CreateSink(format, text, counted);
                await using (sink)
                {
                    summary = await console.StreamAsync(sql, sink, progress, ct);
                }
            }

            progress?.Clear();
            if (partial is not null)
            {
                File.Move(partial, outPath!, overwrite: true);
                Console.Error.WriteLine($"已导出 {summary.Rows:N0} 行 → {outPath} ({counted.Written / 1e6:F1} MB, {summary.Elapsed.TotalSeconds:F1} s) (exported)");
            }

            return 0;
        }
        catch (ClickHouseServerException ex)
        {
            progress?.Clear();
            await Console.Error.WriteLineAsync(Explain(ex));
            return 2;
        }
        catch (HttpRequestException ex)
        {
            progress?.Clear();
            await Console.Error.WriteLineAsync($"无法连接 ClickHouse (cannot reach ClickHouse): {ex.Message}. 平台是否已启动? (dataplatform standalone)");
            return 3;
        }
        catch (InvalidOperationException ex) when (format == OutputFormat.Xlsx)
        {
            progress?.Clear();
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        finally
        {
            await counted.DisposeAsync();
            if (partial is not null && File.Exists(partial)) File.Delete(partial);
        }
    }

    /// <summary>The engine's refusal in words an analyst acts on; the engine's own text follows.</summary>
    internal static string Explain(ClickHouseServerException ex)
    {
        var engine = ex.Message.Split('\n')[0];
        return ex.ErrorCode switch
        {
            164 => "只读: 分析用户不能写入、删除、修改表结构、更改设置或读取服务器文件和 URL (read-only: the analyst user cannot write, delete, "
                + $"change tables or settings, or read files and URLs). ClickHouse: {engine}",
            62 when engine.Contains("Multi-statements", StringComparison.Ordinal) =>
                $"一次只能执行一条语句, 请分开执行 (one statement per call: run them one by one). ClickHouse: {engine}",
            516 or 192 or 193 or 194 => "ClickHouse 拒绝了分析用户的凭据 (authentication failed): 用 --data 指向平台数据目录, 或设置 "
                + $"DATAPLATFORM_Analytics__Sql__Password. ClickHouse: {engine}",
            _ => $"SQL 错误 (ClickHouse code {ex.ErrorCode}): {engine}",
        };
    }
}
