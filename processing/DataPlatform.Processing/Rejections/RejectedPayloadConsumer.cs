using ClickHouse.Driver;
using Confluent.Kafka;
using DataPlatform.Ledger;
using DataPlatform.Processing.Consuming;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Rejections;

/// <summary>Keeps every dead letter in the <c>rejected_payloads</c> table, where staff list and re-submit them.</summary>
public sealed class RejectedPayloadConsumer(
    ClickHouseClient client,
    IOptions<ClickHouseOptions> clickHouse,
    IOptions<KafkaOptions> kafka,
    IOptions<ProcessingOptions> options,
    ILogger<RejectedPayloadConsumer> logger) : BatchConsumer(Topics.DeadLetter, kafka, options, logger)
{
    private static readonly string[] Columns =
        ["rejection_id", "received_at", "stage", "source", "reason_code", "reason", "payload"];

    protected override async Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        // Rejection ids are deterministic and the table is a ReplacingMergeTree on them, so a redelivered
        // batch collapses to one row per rejection.
        var rows = batch.Select(m => DeadLetter.FromJson(m.Message.Value))
            .Select(d => new object?[]
            {
                d.Id, d.ReceivedAt.UtcDateTime, d.Stage, d.Source, d.ReasonCode, d.Reason,
                System.Text.Encoding.UTF8.GetString(d.Payload),
            });
        await client.InsertBinaryAsync($"`{clickHouse.Value.Database}`.rejected_payloads", Columns, rows, null, ct);
    }
}
