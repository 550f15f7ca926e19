using System.CommandLine;
using System.Globalization;
using ClickHouse.Driver;
using DataPlatform.Reports;
using DataPlatform.Reports.SelfAssessment;
using DataPlatform.Reports.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform report monthly|weekly|self-assessment …</c>: renders a report now into a folder (HTML, and
/// PDF where Chromium is installed). Exit 0 on success, 2 on bad input or a template/ClickHouse error, 3 when
/// ClickHouse is unreachable.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var command = new Command("report", "Reports (报表): monthly management report, weekly digest, self-assessment pack");
        command.Subcommands.Add(Monthly());
        command.Subcommands.Add(Weekly());
        command.Subcommands.Add(SelfAssessment());
        return command;
    }

    private static Option<string> Enterprise() => new("--enterprise") { Description = "Enterprise id, e.g. E1302001", Required = true };

    private static Option<string> Out() => new("--out") { Description = "Folder to write the files to", DefaultValueFactory = _ => "." };

    private static Option<bool> NoPdf() => new("--no-pdf") { Description = "HTML only (skip Chromium)" };

    private static Command Monthly()
    {
        var enterprise = Enterprise();
        var month = new Option<string>("--month") { Description = "China calendar month, yyyy-MM", Required = true };
        var (output, noPdf, endpoint) = (Out(), NoPdf(), CommonOptions.ClickHouse());
        var command = new Command("monthly", "Render the monthly management report (月报) of one enterprise now") { enterprise, month, output, noPdf, endpoint };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(endpoint), () => ReportPeriod.ParseMonth(parse.GetValue(enterprise)!, parse.GetValue(month)!),
            async (services, period) => (await services.GetRequiredService<ReportRenderer>().RenderToFolderAsync(period, parse.GetValue(output)!, !parse.GetValue(noPdf), ct)).Files, ct));
        return command;
    }

    private static Command Weekly()
    {
        var enterprise = Enterprise();
        var day = new Option<string>("--week-of") { Description = "Any China day of the week (Monday to Sunday), yyyy-MM-dd", Required = true };
        var (output, noPdf, endpoint) = (Out(), NoPdf(), CommonOptions.ClickHouse());
        var command = new Command("weekly", "Render the weekly digest (周报) of one enterprise now") { enterprise, day, output, noPdf, endpoint };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(endpoint), () => ReportPeriod.Week(parse.GetValue(enterprise)!, ParseDay(parse.GetValue(day)!, "--week-of")),
            async (services, period) => (await services.GetRequiredService<ReportRenderer>().RenderToFolderAsync(period, parse.GetValue(output)!, !parse.GetValue(noPdf), ct)).Files, ct));
        return command;
    }

    private static Command SelfAssessment()
    {
        var enterprise = Enterprise();
        var month = new Option<string?>("--month") { Description = "China calendar month, yyyy-MM (or --from/--to)" };
        var from = new Option<string?>("--from") { Description = "First China day, yyyy-MM-dd" };
        var to = new Option<string?>("--to") { Description = "Last China day, yyyy-MM-dd" };
        var rules = new Option<string?>("--rules") { Description = "Rating rule set id (dataplatform rating rules); default: the configured one" };
        var (output, noPdf, endpoint) = (Out(), NoPdf(), CommonOptions.ClickHouse());
        var command = new Command("self-assessment", "One-click self-assessment pack (一键生成自评估报告): HTML report + Excel workbook of the records behind every figure")
        {
            enterprise, month, from, to, rules, output, noPdf, endpoint,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(endpoint), () =>
            {
                var e = parse.GetValue(enterprise)!;
                if (parse.GetValue(month) is { } m)
                {
                    var p = ReportPeriod.ParseMonth(e, m);
                    return p with { Kind = ReportKind.SelfAssessment };
                }
                if (parse.GetValue(from) is not { } f || parse.GetValue(to) is not { } t)
                    throw new FormatException("需要 --month 或 --from 与 --to (give --month, or --from and --to)");
                return new ReportPeriod(ReportKind.SelfAssessment, e, ParseDay(f, "--from"), ParseDay(t, "--to"));
            },
            async (services, period) => (await services.GetRequiredService<SelfAssessmentPack>()
                .WriteAsync(period, parse.GetValue(rules), parse.GetValue(output)!, !parse.GetValue(noPdf), ct)).Files, ct));
        return command;
    }

    internal static DateOnly ParseDay(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FormatException($"{option} 日期格式应为 yyyy-MM-dd (date must be yyyy-MM-dd): '{text}'");

    private static async Task<int> RunAsync(string? endpoint, Func<ReportPeriod> period, Func<IServiceProvider, ReportPeriod, Task<IReadOnlyList<string>>> render, CancellationToken ct)
    {
        ReportPeriod chosen;
        try
        {
            chosen = period();
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        return await AnalyticsCommand.RunAsync(endpoint, async host =>
        {
            foreach (var file in await render(host.Services, chosen)) Console.WriteLine(file);
            return 0;
        });
    }
}
