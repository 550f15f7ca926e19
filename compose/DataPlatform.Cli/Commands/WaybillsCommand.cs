using System.CommandLine;
using System.Text.Json;
using DataPlatform.Analytics.Waybills;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform waybills import FILE --enterprise E [--by NAME]</c>: imports rail / water / pipeline /
/// conveyor shipments (CSV or .xlsx) into the sealed <c>clean_mode_shipments</c> ledger. All or nothing: exit 1
/// with every bad row listed when refused; 0 when imported (or already stored); 2 bad input / ClickHouse error;
/// 3 ClickHouse unreachable.</summary>
public static class WaybillsCommand
{
    public static Command Create()
    {
        var command = new Command("waybills", "Clean-mode transport waybills (铁路/水路/管道/管廊皮带运单)");
        command.Subcommands.Add(Import());
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV (UTF-8) or .xlsx with columns date,mode,direction,material,tonnes,reference" };
        var enterprise = new Option<string>("--enterprise", "-e") { Description = "Enterprise the shipments belong to (企业编号)", Required = true };
        var by = new Option<string?>("--by") { Description = "Who imports (导入人; default: the login name)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("import", "Import a waybill / belt-scale file; a file with any bad row is refused whole") { file, enterprise, by, json, endpoint };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"文件不存在 file not found: {path.FullName}");
                return 2;
            }
            return await AnalyticsCommand.RunAsync(parse.GetValue(endpoint), async host =>
            {
                var result = await host.Services.GetRequiredService<WaybillImporter>().ImportAsync(
                    parse.GetValue(enterprise)!, path.Name, await File.ReadAllBytesAsync(path.FullName, ct),
                    parse.GetValue(by) ?? Environment.UserName, ct);
                if (parse.GetValue(json))
                    Console.Out.WriteLine(JsonSerializer.Serialize(result, WaybillJsonContext.Default.WaybillImportResult));
                else if (result.Accepted)
                    Console.Out.WriteLine($"已导入 imported {path.Name}: {result.Rows} 行 rows, {result.Added} 新增 new, {result.AlreadyStored} 已存在 already stored, {result.Tonnes} t (import {result.ImportId})");
                else
                {
                    await Console.Error.WriteLineAsync($"文件被拒绝，未导入任何行 {path.Name} refused, nothing imported ({result.Errors.Count} bad row(s)):");
                    foreach (var e in result.Errors) await Console.Error.WriteLineAsync($"  第 {e.Line} 行 line {e.Line}: {e.Reason}");
                }
                return result.Accepted ? 0 : 1;
            });
        });
        return command;
    }
}
