using Confluent.Kafka;
using DataPlatform.Compliance.Reviews;
using DataPlatform.Processing.Consuming;
using DataPlatform.Processing.LedgerRecords;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Rejections;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Reviews;

/// <summary>
/// <c>review.actions</c> → the review ledger → <c>ledger.records</c>, exactly-once in effect like the other writers:
/// deterministic action ids, rows sealed in the same insert, the resolved passage records published and acknowledged,
/// and only then the offsets committed. A message that does not parse, or an action the rules refuse (unknown
/// passage, invalid plate, nothing to change), is dead-lettered with the reason — kept, never half-applied.
/// </summary>
public sealed class ReviewActionConsumer(
    ReviewActionWriter writer,
    PassageReader passages,
    RegisterVersionReader registers,
    LedgerRecordQueries trips,
    LedgerRecordProducer records,
    DeadLetterProducer deadLetters,
    TimeProvider time,
    IOptions<KafkaOptions> kafka,
    IOptions<ProcessingOptions> options,
    ILogger<ReviewActionConsumer> logger) : BatchConsumer(Topics.ReviewActions, kafka, OwnGroup(options), logger)
{
    public const string RefusedCode = "review_refused";
    public const string InvalidCode = "invalid_review";

    protected override async Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        var actions = new List<ReviewActionMessage>();
        var sources = new Dictionary<string, ConsumeResult<string, byte[]>>(StringComparer.Ordinal);
        foreach (var message in batch)
        {
            var (action, error) = ReviewActionMessage.Parse(message.Message.Value);
            if (action is null)
            {
                await DeadLetterAsync(message, InvalidCode, error!, ct);
                continue;
            }
            actions.Add(action);
            sources.TryAdd(action.ActionId, message);
        }
        var result = await writer.ApplyAsync(actions, ct);
        foreach (var (action, reason) in result.Refused)
        {
            logger.LogWarning("Review action {ActionId} on {PassageId} refused: {Reason}", action.ActionId, action.PassageId, reason);
            await DeadLetterAsync(sources[action.ActionId], RefusedCode, reason, ct);
        }
        if (result.Applied.Count == 0) return;
        var rows = await passages.ReadByIdsAsync([.. result.Applied.Select(a => a.PassageId).Distinct()], ct);
        var applied = result.Applied.Where(a => rows.ContainsKey(a.PassageId)).ToList();
        var versions = await registers.ForPlatesAsync([.. applied.Select(a => a.PlateNoAfter)], ct);
        // An exit whose trip closed while it waited for review: the trips job left it out, so its load goes with it now.
        var loads = await trips.ClosedTripLoadsAsync([.. applied.Where(a => rows[a.PassageId].Direction == 2).Select(a => a.PassageId).Distinct()], ct);
        var resolved = applied.Select(a =>
            {
                var load = loads.GetValueOrDefault(a.PassageId);
                return PassageRecords.For(
                    rows[a.PassageId], load?.RecordVersion(a.ResolutionNo) ?? 1 + (ulong)a.ResolutionNo,
                    new ReviewedValues(a.PlateNoAfter, a.PlateColorAfter, a.VehicleTypeAfter),
                    Enum.Parse<ReviewStatus>(a.StatusAfter, ignoreCase: true), a.ActionId,
                    PassageRecordPublisher.VehicleFor(versions, rows[a.PassageId], a.PlateNoAfter, a.PlateColorAfter), load);
            })
            .ToList();
        await records.PublishAsync(resolved, ct);
    }

    // A group of its own (<c>&lt;GroupId&gt;-reviews</c>): joining and leaving the ledger writers' group would
    // rebalance the passage writers for a topic that is mostly idle.
    private static IOptions<ProcessingOptions> OwnGroup(IOptions<ProcessingOptions> options) => Options.Create(new ProcessingOptions
    {
        GroupId = options.Value.GroupId + "-reviews",
        MaxBatchSize = options.Value.MaxBatchSize,
        MaxBatchDelayMs = options.Value.MaxBatchDelayMs,
        RetryDelayMs = options.Value.RetryDelayMs,
        ReviewMinimumConfidence = options.Value.ReviewMinimumConfidence,
    });

    private Task DeadLetterAsync(ConsumeResult<string, byte[]> message, string code, string reason, CancellationToken ct) =>
        deadLetters.SendAsync(new DeadLetter(DeadLetterIds.For(message.TopicPartitionOffset), time.GetUtcNow(), "review",
            message.Topic, code, reason, message.Message.Value), ct);
}
