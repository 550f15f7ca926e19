using System.CommandLine;
using ClickHouse.Driver;
using DataPlatform.Analytics.Sql;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform sql "SELECT ..."</c>: ad-hoc SQL over the ledger, printed as a table, CSV or JSON.</summary>
public static class SqlCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "SQL to run, e.g. \"SELECT count() FROM passages\"" };
        var format = new Option<OutputFormat>("--format", "-f") { Description = "table, csv or json", DefaultValueFactory = _ => OutputFormat.Table };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("sql", "Run SQL against the ledger (database 'ledger' by default)") { query, format, endpoint };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommonOptions.AnalyticsHost(parse.GetValue(endpoint));
            try
            {
                var result = await host.Services.GetRequiredService<SqlConsole>().QueryAsync(parse.GetValue(query)!, ct);
                ResultWriter.Write(result, parse.GetValue(format), Console.Out);
                return 0;
            }
            catch (ClickHouseServerException ex)
            {
                await Console.Error.WriteLineAsync($"SQL 错误 (ClickHouse code {ex.ErrorCode}): {ex.Message}");
                return 2;
            }
            catch (HttpRequestException ex)
            {
                await Console.Error.WriteLineAsync($"无法连接 ClickHouse: {ex.Message}. 平台是否已启动? (dataplatform standalone)");
                return 3;
            }
        });
        return command;
    }
}
