using System.CommandLine;
using Confluent.Kafka;
using DataPlatform.Analytics.Sql;
using DataPlatform.Cli.Hosting;
using DataPlatform.Ledger;
using DataPlatform.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataPlatform.Cli.Commands;

/// <summary><c>dataplatform review list|approve|correct|reject</c>: the manual-review queue (待审核队列). Actions are
/// published to <c>review.actions</c> and sealed into the review ledger by processing; nothing here writes the
/// ledger directly, so the CLI and the guard booth go through the same rules and the same audit trail.</summary>
public static class ReviewCommand
{
    public const string ListSql =
        """
        SELECT passage_id, pass_time, enterprise_id, gate_id, lane_id, direction, plate_no, plate_color, vehicle_type,
               confidence, review_status, review_reason, review_candidates
        FROM passages_effective
        WHERE review_status = 'pending' OR ({all:UInt8} = 1 AND review_status != 'none')
        ORDER BY pass_time LIMIT {limit:UInt32}
        """;

    public static Command Create()
    {
        var command = new Command("review", "Manual review of uncertain plate reads (人工审核)");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Action(ReviewActionKinds.Approve, "Confirm a flagged passage as recorded (确认)"));
        command.Subcommands.Add(Action(ReviewActionKinds.Correct, "Correct plate, colour or vehicle type (更正)"));
        command.Subcommands.Add(Action(ReviewActionKinds.Reject, "Reject as not a vehicle or a duplicate (驳回)"));
        return command;
    }

    private static Command List()
    {
        var all = new Option<bool>("--all") { Description = "Also the resolved reviews (approved, corrected, rejected)" };
        var limit = new Option<uint>("--limit") { Description = "Most rows", DefaultValueFactory = _ => 50 };
        var format = new Option<OutputFormat>("--format", "-f") { DefaultValueFactory = _ => OutputFormat.Table };
        var endpoint = CommonOptions.ClickHouse();
        var command = new Command("list", "List the passages waiting for review, oldest first") { all, limit, format, endpoint };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommonOptions.AnalyticsHost(parse.GetValue(endpoint));
            var parameters = ClickHouseParameters.Of(("all", (byte)(parse.GetValue(all) ? 1 : 0)), ("limit", parse.GetValue(limit)));
            var result = await host.Services.GetRequiredService<SqlConsole>().QueryAsync(ListSql, parameters, ct);
            ResultWriter.Write(result, parse.GetValue(format), Console.Out);
            return 0;
        });
        return command;
    }

    private static Command Action(string kind, string description)
    {
        var passage = new Argument<Guid>("passage-id") { Description = "passage_id from 'review list'" };
        var who = new Option<string>("--operator") { Description = "Who reviews (审核人)", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why (审核理由); required to correct or reject" };
        var plate = new Option<string?>("--plate") { Description = "Corrected plate number" };
        var color = new Option<string?>("--color") { Description = "Corrected plate colour (yellow, blue, 黄 …)" };
        var type = new Option<string?>("--vehicle-type") { Description = "Corrected GA 24.4 vehicle type (H11 …)" };
        var rejectKind = new Option<string?>("--kind") { Description = "For reject: non-vehicle | duplicate" };
        var actionId = new Option<string?>("--action-id") { Description = "Idempotency id (default: a new one); resending it is one action" };
        var kafka = new Option<string?>("--kafka") { Description = "Kafka bootstrap servers (default: Kafka__BootstrapServers from the environment, else a local standalone's DIR/endpoints.env)" };
        var command = new Command(kind, description) { passage, who, reason, actionId, kafka };
        if (kind == ReviewActionKinds.Correct) { command.Options.Add(plate); command.Options.Add(color); command.Options.Add(type); }
        if (kind == ReviewActionKinds.Reject) command.Options.Add(rejectKind);
        command.SetAction(async (parse, ct) =>
        {
            var message = new ReviewActionMessage(
                parse.GetValue(actionId) ?? "cli-" + Guid.NewGuid().ToString("N"), parse.GetValue(passage), kind,
                parse.GetValue(who)!, DateTimeOffset.Now, parse.GetValue(reason) ?? "", "cli",
                parse.GetValue(plate), parse.GetValue(color), parse.GetValue(type), parse.GetValue(rejectKind));
            if (message.Check() is { } error)
            {
                CliErrors.Write(Console.Error, error, $"dataplatform review {kind} --help");
                return CliErrors.BadInput;
            }
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(kafka) is { } servers) overrides["Kafka:BootstrapServers"] = servers;
            var builder = CommonOptions.OneShotBuilder(overrides: overrides);
            builder.AddStreams();
            using var host = builder.Build();
            var kafkaOptions = host.Services.GetRequiredService<IOptions<KafkaOptions>>().Value;
            var config = kafkaOptions.Producer("dataplatform-review");
            config.MessageTimeoutMs = 10_000;
            // librdkafka's own log lines (one per failed connection attempt) are not for an operator: the outcome is.
            using var producer = new ProducerBuilder<string, byte[]>(config).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
            try
            {
                await producer.ProduceAsync(Topics.ReviewActions, new Message<string, byte[]> { Key = message.Key, Value = message.ToJson() }, ct);
            }
            catch (ProduceException<string, byte[]> ex)
            {
                CliErrors.Write(Console.Error, $"无法提交审核动作 (cannot publish the review action) to Kafka {kafkaOptions.BootstrapServers}: {ex.Error.Reason}", CliErrors.PlatformHint);
                return CliErrors.Unreachable;
            }
            Console.WriteLine($"审核动作 {message.ActionId} ({kind}) 已提交: 通行记录 {message.PassageId}, 审核人 {message.Operator}");
            return 0;
        });
        return command;
    }
}
