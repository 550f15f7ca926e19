using System.CommandLine;
using DataPlatform.Cli.Hosting;
using System.Net.Http.Headers;
using ClickHouse.Driver;
using DataPlatform.Analytics.Sql;
using DataPlatform.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform deadletters list|resubmit</c>: what was refused and why, and sending it again once
/// the device or the data is fixed. A resubmission goes through ingest like any push, so it is validated again.</summary>
public static class DeadLettersCommand
{
    public static Command Create()
    {
        var command = new Command("deadletters", "List rejected payloads and re-submit them after a fix");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Resubmit());
        return command;
    }

    private static Command List()
    {
        var reason = new Option<string?>("--reason") { Description = "Only this reason code, e.g. invalid_plate" };
        var limit = new Option<int>("--limit") { Description = "Most rows", DefaultValueFactory = _ => 50 };
        var format = new Option<OutputFormat>("--format", "-f") { DefaultValueFactory = _ => OutputFormat.Table };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("list", "List the newest rejected payloads") { reason, limit, format, endpoint };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommonOptions.AnalyticsHost(parse.GetValue(endpoint));
            var parameters = ClickHouseParameters.Of(("reason", parse.GetValue(reason) ?? ""), ("limit", parse.GetValue(limit)));
            var result = await host.Services.GetRequiredService<SqlConsole>().QueryAsync(
                """
                SELECT rejection_id, received_at, stage, source, reason_code, reason, substring(payload, 1, 80) AS payload_start
                FROM rejected_payloads FINAL
                WHERE {reason:String} = '' OR reason_code = {reason:String}
                ORDER BY received_at DESC LIMIT {limit:UInt32}
                """, parameters, ct);
            ResultWriter.Write(result, parse.GetValue(format), Console.Out);
            return 0;
        });
        return command;
    }

    private static Command Resubmit()
    {
        var id = new Argument<Guid>("rejection-id") { Description = "rejection_id from 'deadletters list'" };
        var file = new Option<FileInfo?>("--file") { Description = "Send this corrected payload instead of the stored one" };
        var target = new Option<string>("--target") { Description = "Ingest endpoint", DefaultValueFactory = _ => "http://127.0.0.1:8080/api/v1/gate-events" };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("resubmit", "Send a rejected payload (or its corrected version) to ingest again") { id, file, target, endpoint };
        command.SetAction(async (parse, ct) =>
        {
            byte[] payload;
            if (parse.GetValue(file) is { } corrected)
            {
                payload = await File.ReadAllBytesAsync(corrected.FullName, ct);
            }
            else
            {
                using var host = CommonOptions.AnalyticsHost(parse.GetValue(endpoint));
                var stored = await host.Services.GetRequiredService<ClickHouseClient>().ExecuteScalarAsync(
                    "SELECT any(payload) FROM rejected_payloads WHERE rejection_id = {id:UUID}",
                    ClickHouseParameters.Of(("id", parse.GetValue(id))), null, ct);
                if (stored is not string text || text.Length == 0)
                {
                    CliErrors.Write(Console.Error, $"没有找到被拒收的数据 (no rejected payload) {parse.GetValue(id)}", "dataplatform deadletters list");
                    return CliErrors.BadInput;
                }
                payload = System.Text.Encoding.UTF8.GetBytes(text);
            }
            using var http = new HttpClient();
            using var content = new ByteArrayContent(payload);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await http.PostAsync(new Uri(parse.GetValue(target)!), content, ct);
            Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            return response.IsSuccessStatusCode ? 0 : 1;
        });
        return command;
    }
}
