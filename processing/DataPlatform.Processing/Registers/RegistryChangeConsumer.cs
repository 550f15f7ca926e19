using System.Text.Json;
using Confluent.Kafka;
using DataPlatform.Gate.Registers;
using DataPlatform.Processing.Consuming;
using DataPlatform.Processing.Rejections;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Registers;

/// <summary><c>registry.changes</c> → register versions + audit rows in ClickHouse (exactly once: the change id
/// is the row id), then the records' latest versions → the gate's registry (<see cref="RegistryCommandPublisher"/>).
/// Every version row written (or re-emitted for a redelivered change) then goes to <c>ledger.records</c> as a register
/// record for the regulator bridge, acknowledged before the offsets are committed (<see cref="BatchConsumer"/>).
/// An unreadable change is dead-lettered.</summary>
public sealed class RegistryChangeConsumer(
    RegisterLedger ledger,
    RegistryCommandPublisher commands,
    LedgerRecords.LedgerRecordProducer records,
    DeadLetterProducer deadLetters,
    TimeProvider time,
    IOptions<KafkaOptions> kafka,
    IOptions<ProcessingOptions> options,
    ILogger<RegistryChangeConsumer> logger) : BatchConsumer(Topics.RegistryChanges, kafka, options, logger)
{
    protected override async Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        var changes = new List<(RegisterKind Kind, RegistryChange Change)>();
        var passages = new List<AuditRow>();
        foreach (var message in batch)
        {
            RegistryChange change;
            try
            {
                change = RegistryChange.FromJson(message.Message.Value);
            }
            catch (JsonException ex)
            {
                await DeadLetterAsync(message, "invalid-registry-change", ex.Message, ct);
                continue;
            }
            if (change.Register == RegistryChange.PassageRegister) passages.Add(RegisterFold.Passage(change));
            else if (RegisterKinds.TryParse(change.Register, out var kind)) changes.Add((kind, change));
            else await DeadLetterAsync(message, "unknown-register", $"unknown register '{change.Register}'", ct);
        }

        var stored = await ledger.AuditedAsync([.. changes.Select(c => c.Change.ChangeId)], ct);
        var latest = new Dictionary<(RegisterKind, string, string), RegisterLedger.Latest>();
        foreach (var group in changes.GroupBy(c => c.Kind))
        {
            var found = await ledger.LatestAsync(group.Key, [.. group.Select(c => (c.Change.EnterpriseId, c.Change.RecordKey))], ct);
            foreach (var ((enterprise, key), value) in found) latest[(group.Key, enterprise, key)] = value;
        }
        var fold = RegisterFold.Fold(changes, stored, latest);
        await ledger.WriteAsync([.. passages, .. fold.Audits], fold.Rows, ct);

        var vehicles = fold.Touched
            .Select(t => (t.Value.VersionId, t.Key.Enterprise, Vehicle: RegisterVehicles.ToVehicle(t.Key.Kind, t.Value.Latest.Fields)))
            .Where(v => v.Vehicle is not null)
            .Select(v => (v.VersionId, v.Enterprise, v.Vehicle!));
        await commands.PublishAsync(vehicles, time.GetUtcNow(), ct);
        await records.PublishAsync([.. fold.Rows.Select(RegisterRecords.For)], ct);
        if (fold.Rows.Count > 0 || passages.Count > 0)
            logger.LogInformation("登记变更：{Versions} 个新版本，{Passages} 条人工补录审计", fold.Rows.Count, passages.Count);
    }

    private Task DeadLetterAsync(ConsumeResult<string, byte[]> message, string code, string reason, CancellationToken ct) =>
        deadLetters.SendAsync(new DeadLetter(DeadLetterIds.For(message.TopicPartitionOffset), time.GetUtcNow(), "processing",
            message.Topic, code, reason, message.Message.Value), ct);
}
