using ClickHouse.Driver;
using DataPlatform.Compliance.Integrity;
using DataPlatform.Compliance.Reviews;
using DataPlatform.Ledger;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Sealing;
using DataPlatform.Streams;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Reviews;

/// <summary>
/// Applies review actions to the review ledger, in order: each is checked by the pure <see cref="ReviewRules"/>
/// against the passage's current effective state (stored actions folded over the sealed row, plus the earlier
/// actions of the same batch), recorded with the values before and after, sealed onto its chain in the same insert,
/// and the chain heads stored apart. The passage row itself is never touched. A resent action (same action id) is
/// not applied twice: its stored row is returned as it was.
/// </summary>
public sealed class ReviewActionWriter(
    IdempotentInserter inserter, ReviewActionStore store, PassageReader passages, TimeProvider time,
    ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    private readonly ChainHeadTable _heads = new(client, options);
    private DateTime _lastApplied;

    public static Guid IdFor(string requestId) => DeterministicGuid.For($"review\n{requestId}");

    /// <summary>The stored rows of the batch's actions (new and earlier applied), and the refused actions with why.</summary>
    public async Task<ReviewBatchResult> ApplyAsync(IReadOnlyList<ReviewActionMessage> actions, CancellationToken ct)
    {
        var unique = actions.DistinctBy(a => IdFor(a.ActionId)).ToList();
        var stored = await store.ByIdsAsync([.. unique.Select(a => IdFor(a.ActionId))], ct);
        var fresh = unique.Where(a => !stored.ContainsKey(IdFor(a.ActionId))).ToList();
        var rows = new List<ReviewActionRow>();
        var refused = new List<(ReviewActionMessage, string)>();
        if (fresh.Count > 0)
        {
            var rowsOf = await passages.ReadByIdsAsync([.. fresh.Select(a => a.PassageId).Distinct()], ct);
            var states = await store.StatesAsync(rowsOf, ct);
            foreach (var action in fresh)
            {
                if (!rowsOf.TryGetValue(action.PassageId, out var passage))
                {
                    refused.Add((action, $"找不到通行记录 {action.PassageId}"));
                    continue;
                }
                if (action.EnterpriseId is { Length: > 0 } allowed && allowed != passage.EnterpriseId)
                {
                    refused.Add((action, $"操作员 {action.Operator} 无权审核企业 {passage.EnterpriseId} 的通行记录"));
                    continue;
                }
                var before = states[action.PassageId];
                var (after, error) = ReviewRules.Apply(before, new ReviewStep(action.Action, action.PlateNo, action.PlateColor, action.VehicleType));
                if (after is null)
                {
                    refused.Add((action, error!));
                    continue;
                }
                states[action.PassageId] = after;
                rows.Add(Row(action, passage, before, after, NextAppliedAt()));
            }
            if (rows.Count > 0)
            {
                var heads = await store.HeadsAsync([.. rows.Select(r => ReviewActionLedgerRecord.For(r).Chain)], ct);
                await inserter.InsertNewAsync(ReviewActionStore.Table, rows, ready => Seal(ready, heads), ct);
                await _heads.SaveAfterInsertAsync(ReviewActionStore.Ledger, heads.Values, ct);
            }
        }
        // Sealed as stored, fresh ones included: what is published is what the ledger holds.
        var all = await store.ByIdsAsync([.. unique.Select(a => IdFor(a.ActionId))], ct);
        return new ReviewBatchResult([.. all.Values.OrderBy(r => r.AppliedAt).ThenBy(r => r.ActionId)], refused);
    }

    private static List<ReviewActionRow> Seal(IReadOnlyList<ReviewActionRow> rows, Dictionary<ChainKey, ChainHead> heads)
    {
        var sealedRows = new List<ReviewActionRow>(rows.Count);
        foreach (var row in rows)
        {
            var record = ReviewActionLedgerRecord.For(row);
            var (sealedRecord, head) = LedgerChain.Append(heads.GetValueOrDefault(record.Chain), record);
            heads[record.Chain] = head;
            sealedRows.Add(row with { Seal = sealedRecord.Seal });
        }
        return sealedRows;
    }

    // Strictly increasing within this writer (the only one: review.actions has one partition), whole milliseconds
    // as the column keeps them, so the latest action is well defined and the seal recomputes from what is stored.
    private DateTime NextAppliedAt()
    {
        var now = Millis(time.GetUtcNow().UtcDateTime);
        _lastApplied = now > _lastApplied ? now : _lastApplied.AddMilliseconds(1);
        return _lastApplied;
    }

    private static ReviewActionRow Row(ReviewActionMessage a, PassageRow p, ReviewState before, ReviewState after, DateTime appliedAt) =>
        new(IdFor(a.ActionId), a.ActionId, a.PassageId, p.Seal?.Hash ?? "", p.EnterpriseId, p.GateId, p.LaneId, p.PassTimeChina,
            a.Action, a.RejectKind ?? "", a.Operator.Trim(), a.Source ?? "", a.Reason ?? "",
            Millis(a.RequestedAt.UtcDateTime), appliedAt, (uint)after.Resolutions,
            before.Status.WireName, after.Status.WireName,
            before.Effective.PlateNo, before.Effective.PlateColor, before.Effective.VehicleType,
            after.Effective.PlateNo, after.Effective.PlateColor, after.Effective.VehicleType)
        {
            OperatorName = a.OperatorName?.Trim() ?? "",
        };

    private static DateTime Millis(DateTime utc) =>
        DateTime.SpecifyKind(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond)), DateTimeKind.Utc);
}

/// <param name="Applied">Stored rows of the batch's actions, in application order.</param>
/// <param name="Refused">Actions the rules refused, with the Chinese reason; they are dead-lettered.</param>
public sealed record ReviewBatchResult(IReadOnlyList<ReviewActionRow> Applied, IReadOnlyList<(ReviewActionMessage Action, string Reason)> Refused);
