namespace DataPlatform.Compliance.Integrity;

/// <summary>Tamper evidence over ledger records: one hash chain per (enterprise, gate, China date), each link
/// = SHA-256(previous hash ‖ sequence ‖ canonical record) (<see cref="LedgerCanonical"/>), the seal stored with
/// each row and the chain heads stored apart. <see cref="Verify"/> recomputes everything and names each record
/// that was altered, removed or inserted after sealing.</summary>
public static class LedgerChain
{
    /// <summary>Seals a batch: records of one chain in (time, record id) order. Exact duplicates (redeliveries)
    /// are sealed once.</summary>
    /// <exception cref="ArgumentException">two different records share a record id.</exception>
    public static LedgerChainBuild Build(IEnumerable<LedgerRecord> records)
    {
        var unique = new Dictionary<string, LedgerRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (unique.TryGetValue(record.RecordId, out var seen))
            {
                if (!seen.Equals(record))
                    throw new ArgumentException($"record id {record.RecordId} is used by two different records", nameof(records));
                continue;
            }
            unique.Add(record.RecordId, record);
        }

        var sealedRecords = new List<SealedRecord>(unique.Count);
        var heads = new List<ChainHead>();
        var chains = unique.Values.GroupBy(r => r.Chain)
            .OrderBy(g => g.Key.EnterpriseId, StringComparer.Ordinal)
            .ThenBy(g => g.Key.GateId, StringComparer.Ordinal)
            .ThenBy(g => g.Key.ChinaDate);
        foreach (var chain in chains)
        {
            var head = EmptyHead(chain.Key);
            foreach (var record in chain.OrderBy(r => r.Time.UtcTicks).ThenBy(r => r.RecordId, StringComparer.Ordinal))
            {
                (var sealedRecord, head) = Append(head, record);
                sealedRecords.Add(sealedRecord);
            }
            heads.Add(head);
        }
        return new LedgerChainBuild(sealedRecords, heads);
    }

    /// <summary>The head of a chain with no records yet.</summary>
    public static ChainHead EmptyHead(ChainKey chain) => new(chain, 0, LedgerCanonical.GenesisHash(chain));

    /// <summary>Seals one record onto its chain (streaming use: the chain order is the append order).</summary>
    /// <remarks><paramref name="head"/>: The chain's current head; null starts the chain.</remarks>
    /// <exception cref="ArgumentException">the head belongs to another chain than the record.</exception>
    public static (SealedRecord Sealed, ChainHead Head) Append(ChainHead? head, LedgerRecord record)
    {
        var chain = record.Chain;
        head ??= EmptyHead(chain);
        if (head.Chain != chain)
            throw new ArgumentException($"record {record.RecordId} belongs to chain {chain}, not {head.Chain}", nameof(head));
        var hash = LedgerCanonical.LinkHash(head.Hash, head.Count, record);
        return (new SealedRecord(record, new ChainSeal(chain, head.Count, head.Hash, hash)), new ChainHead(chain, head.Count + 1, hash));
    }

    /// <summary>Recomputes every chain from the rows and the separately stored heads. Exact duplicate rows (a
    /// replicated insert not yet merged) are harmless. Findings are ordered by chain and sequence.</summary>
    public static ChainVerification Verify(IEnumerable<SealedRecord> records, IEnumerable<ChainHead> storedHeads)
    {
        var rows = records.Distinct().ToList();
        var heads = storedHeads.ToDictionary(h => h.Chain);
        var findings = new List<ChainFinding>();

        foreach (var row in rows.Where(r => r.Seal is null).OrderBy(r => r.Record.RecordId, StringComparer.Ordinal))
            findings.Add(new ChainFinding(ChainFindingKind.Inserted, row.Record.Chain, row.Record.RecordId, null,
                "记录没有链接封印，不是经平台写入的"));

        var sealedRows = rows.Where(r => r.Seal is not null).ToLookup(r => r.Seal!.Chain);
        var keys = heads.Keys.Concat(sealedRows.Select(g => g.Key)).Distinct()
            .OrderBy(k => k.EnterpriseId, StringComparer.Ordinal).ThenBy(k => k.GateId, StringComparer.Ordinal)
            .ThenBy(k => k.ChinaDate);
        foreach (var key in keys)
            VerifyChain(key, heads.GetValueOrDefault(key), sealedRows[key], findings);
        return new ChainVerification(findings);
    }

    private static void VerifyChain(ChainKey key, ChainHead? head, IEnumerable<SealedRecord> rows, List<ChainFinding> findings)
    {
        var ordered = rows.OrderBy(r => r.Seal!.Sequence).ThenBy(r => r.Record.RecordId, StringComparer.Ordinal).ToList();
        if (head is null)
        {
            findings.AddRange(ordered.Select(r => new ChainFinding(ChainFindingKind.Inserted, key, r.Record.RecordId,
                r.Seal!.Sequence, "该链没有存储的链头，整条链是事后写入的")));
            return;
        }
        var genesis = LedgerCanonical.GenesisHash(key);
        if (head.Count == 0 && head.Hash != genesis)
            findings.Add(new ChainFinding(ChainFindingKind.HeadMismatch, key, null, null, "空链的链头哈希不是链起点哈希"));

        var bySequence = ordered.Where(r => r.Seal!.Sequence >= 0 && r.Seal.Sequence < head.Count)
            .ToLookup(r => r.Seal!.Sequence);
        foreach (var beyond in ordered.Where(r => r.Seal!.Sequence < 0 || r.Seal.Sequence >= head.Count))
            findings.Add(new ChainFinding(ChainFindingKind.Inserted, key, beyond.Record.RecordId, beyond.Seal!.Sequence,
                $"序号 {beyond.Seal.Sequence} 超出存储链头记录的 {head.Count} 条"));

        for (long k = 0; k < head.Count; k++)
        {
            var candidates = bySequence[k].ToList();
            if (candidates.Count == 0)
            {
                findings.Add(new ChainFinding(ChainFindingKind.Removed, key, null, k, $"第 {k} 条记录缺失"));
                continue;
            }
            // The hash this position must have, as vouched for by its successor's seal or by the stored head;
            // empty when the successor itself is missing (then only the record's own link can be checked).
            var vouched = k == head.Count - 1
                ? new HashSet<string>(StringComparer.Ordinal) { head.Hash }
                : bySequence[k + 1].Select(r => r.Seal!.PrevHash).ToHashSet(StringComparer.Ordinal);
            bool SelfOk(SealedRecord r) =>
                r.Record.Chain == key && r.Seal!.Hash == LedgerCanonical.LinkHash(r.Seal.PrevHash, k, r.Record)
                && (k != 0 || r.Seal.PrevHash == genesis);
            bool Linked(SealedRecord r) => vouched.Count == 0 || vouched.Contains(r.Seal!.Hash);

            var chosen = candidates.FirstOrDefault(r => SelfOk(r) && Linked(r))
                         ?? candidates.FirstOrDefault(Linked)
                         ?? candidates.FirstOrDefault(SelfOk)
                         ?? candidates[0];
            foreach (var other in candidates.Where(r => !ReferenceEquals(r, chosen)))
                findings.Add(new ChainFinding(ChainFindingKind.Inserted, key, other.Record.RecordId, k,
                    $"与第 {k} 条的真实记录重复占用同一序号"));
            if (!SelfOk(chosen))
                findings.Add(new ChainFinding(ChainFindingKind.Altered, key, chosen.Record.RecordId, k,
                    "记录内容或封印与其链接哈希不符"));
            else if (!Linked(chosen))
                findings.Add(new ChainFinding(ChainFindingKind.Altered, key, chosen.Record.RecordId, k,
                    k == head.Count - 1
                        ? "记录哈希与存储的链头不符（也可能自更早某条起整段被重新封链）"
                        : "记录哈希与后一条记录所记的前序哈希不符"));
        }
    }
}
