using System.CommandLine;
using DataPlatform.Cli.Hosting;
using ClickHouse.Driver;
using DataPlatform.Analytics.Sql;
using DataPlatform.Ledger;
using DataPlatform.Processing.Alarms;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform alarms list|ack</c>: what was raised and who has dealt with it. Thin: the SQL and the
/// ack record live in <see cref="AlarmAcknowledger"/> so the tests exercise the same code.</summary>
public static class AlarmsCommand
{
    public static Command Create()
    {
        var command = new Command("alarms", "List alarms and record their acknowledgement (告警列表与确认)");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Ack());
        return command;
    }

    private static Command List()
    {
        var open = new Option<bool>("--open") { Description = "Only alarms nobody has acknowledged yet" };
        var limit = new Option<int>("--limit") { Description = "Most rows", DefaultValueFactory = _ => 50 };
        var format = new Option<OutputFormat>("--format", "-f") { DefaultValueFactory = _ => OutputFormat.Table };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("list", "List the newest alarms with their latest acknowledgement") { open, limit, format, endpoint };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommonOptions.AnalyticsHost(parse.GetValue(endpoint));
            var parameters = ClickHouseParameters.Of(("open", parse.GetValue(open) ? 1 : 0), ("limit", parse.GetValue(limit)));
            var result = await host.Services.GetRequiredService<SqlConsole>().QueryAsync(AlarmAcknowledger.ListSql, parameters, ct);
            ResultWriter.Write(result, parse.GetValue(format), Console.Out);
            return 0;
        });
        return command;
    }

    private static Command Ack()
    {
        var id = new Argument<Guid>("alarm-id") { Description = "alarm_id from 'alarms list'" };
        var by = new Option<string>("--by") { Description = "Who acknowledges (确认人)", Required = true };
        var note = new Option<string?>("--note") { Description = "What was done (处理说明)" };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("ack", "Record that an alarm was acknowledged") { id, by, note, endpoint };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommonOptions.AnalyticsHost(parse.GetValue(endpoint));
            var acks = new AlarmAcknowledger(host.Services.GetRequiredService<ClickHouseClient>());
            var ackId = await acks.AckAsync(parse.GetValue(id), parse.GetValue(by)!, parse.GetValue(note), DateTimeOffset.Now, ct);
            if (ackId is null)
            {
                CliErrors.Write(Console.Error, $"没有找到告警 (no alarm) {parse.GetValue(id)}", "dataplatform alarms list");
                return CliErrors.BadInput;
            }
            Console.WriteLine($"告警 {parse.GetValue(id)} 已由 {parse.GetValue(by)} 确认 (确认记录 {ackId})");
            return 0;
        });
        return command;
    }
}
