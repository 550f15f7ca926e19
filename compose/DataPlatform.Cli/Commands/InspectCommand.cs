using System.CommandLine;
using ClickHouse.Driver;
using DataPlatform.Reports.Inspection;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform inspect --enterprise E --from D1 --to D2 [--seed N] [--out DIR]</c>: the inspector's
/// sampling routine (spec §4) exported as Excel and CSV; the same seed gives the same sample. Without --seed a seed
/// is drawn and printed so the sample can be reproduced.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var enterprise = new Option<string>("--enterprise") { Description = "Enterprise id, e.g. E1302001", Required = true };
        var from = new Option<string>("--from") { Description = "First China day, yyyy-MM-dd", Required = true };
        var to = new Option<string>("--to") { Description = "Last China day, yyyy-MM-dd", Required = true };
        var seed = new Option<int?>("--seed") { Description = "Random seed; the same seed draws the same sample (default: drawn and printed)" };
        var output = new Option<string>("--out") { Description = "Folder to write the files to", DefaultValueFactory = _ => "." };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("inspect", "Inspector sampling (抽查): records, stage re-checks, normal vs alert days, video windows → Excel + CSV")
        {
            enterprise, from, to, seed, output, endpoint,
        };
        command.SetAction(async (parse, ct) =>
        {
            DateOnly first, last;
            try
            {
                first = ReportCommand.ParseDay(parse.GetValue(from)!, "--from");
                last = ReportCommand.ParseDay(parse.GetValue(to)!, "--to");
            }
            catch (FormatException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }
            var chosenSeed = parse.GetValue(seed) ?? Random.Shared.Next(1, 1_000_000);
            using var host = CommonOptions.AnalyticsHost(parse.GetValue(endpoint));
            try
            {
                var files = await host.Services.GetRequiredService<InspectionSampler>()
                    .WriteAsync(parse.GetValue(enterprise)!, first, last, chosenSeed, parse.GetValue(output)!, ct);
                Console.WriteLine($"随机种子 seed = {chosenSeed}（复现: --seed {chosenSeed}）");
                Console.WriteLine(files.Workbook);
                foreach (var csv in files.Csv) Console.WriteLine(csv);
                return 0;
            }
            catch (ClickHouseServerException ex)
            {
                await Console.Error.WriteLineAsync($"ClickHouse 错误 (code {ex.ErrorCode}): {ex.Message}");
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
