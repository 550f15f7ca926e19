using System.CommandLine;
using System.Globalization;
using ClickHouse.Driver;
using DataPlatform.Analytics;
using DataPlatform.Analytics.Waybills;
using DataPlatform.Cli.Hosting;
using DataPlatform.Ledger;
using DataPlatform.Processing;
using DataPlatform.Processing.Integrity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform ledger verify [--from yyyy-MM-dd] [--to yyyy-MM-dd]</c>: recomputes the passages
/// ledger's hash chains and names every record altered, removed or inserted after it was written. Exit code 0
/// when intact, 1 when anything was found, 2 on bad input or a ClickHouse error, 3 when ClickHouse is unreachable.</summary>
public static class LedgerCommand
{
    public static Command Create()
    {
        var command = new Command("ledger", "Ledger integrity (台账防篡改)");
        command.Subcommands.Add(Verify());
        return command;
    }

    private static Command Verify()
    {
        var from = new Option<string?>("--from") { Description = "First China date to check, yyyy-MM-dd (default: the oldest in the ledger)" };
        var to = new Option<string?>("--to") { Description = "Last China date to check, yyyy-MM-dd (default: the newest in the ledger)" };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("verify", "Verify the hash chains of the passages, reviews and clean-mode shipments against the stored chain heads") { from, to, endpoint };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryDate(parse.GetValue(from), "--from", out var first) || !TryDate(parse.GetValue(to), "--to", out var last))
                return 2;
            using var host = LedgerHost(parse.GetValue(endpoint));
            try
            {
                var report = await host.Services.GetRequiredService<LedgerVerifier>().VerifyAsync(first, last, ct);
                VerificationReportText.Write(report, Console.Out);
                var reviews = await host.Services.GetRequiredService<ReviewLedgerVerifier>().VerifyAsync(first, last, ct);
                VerificationReportText.Write(reviews, Console.Out);
                var shipments = await host.Services.GetRequiredService<CleanModeShipmentVerifier>().VerifyAsync(first, last, ct);
                VerificationReportText.Write(shipments, Console.Out);
                return report.IsIntact && reviews.IsIntact && shipments.IsIntact ? 0 : 1;
            }
            catch (ClickHouseServerException ex)
            {
                CliErrors.Write(Console.Error, $"ClickHouse 错误 (code {ex.ErrorCode}): {ex.Message}", "台账是否已迁移? (dataplatform processing)");
                return CliErrors.BadInput;
            }
            catch (HttpRequestException ex)
            {
                CliErrors.Write(Console.Error, $"无法连接 ClickHouse (cannot reach ClickHouse): {ex.Message}", CliErrors.PlatformHint);
                return CliErrors.Unreachable;
            }
        });
        return command;
    }

    private static bool TryDate(string? text, string option, out DateOnly? date)
    {
        date = null;
        if (text is null) return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        CliErrors.Write(Console.Error, $"{option} '{text}' 不是日期 (is not a date)", "yyyy-MM-dd, e.g. 2026-12-06");
        return false;
    }

    // Only the ledger services: verifying reads, it neither migrates the schema nor starts consumers.
    private static IHost LedgerHost(string? clickHouse)
    {
        var builder = CommonOptions.OneShotBuilder(clickHouse);
        builder.AddLedger();
        builder.Services.AddLedgerIntegrity();
        builder.Services.AddWaybills();
        return builder.Build();
    }
}
