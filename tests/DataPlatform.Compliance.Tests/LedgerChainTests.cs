using System.Text;
using DataPlatform.Compliance.Integrity;

namespace DataPlatform.Compliance.Tests;

public sealed class LedgerChainTests
{
    internal static LedgerRecord Passage(string id, int minutes, string plate = "冀B12345", string gate = "G01", string weight = "33.7") =>
        new(id, "passage", Enterprise, gate, Now.AddMinutes(minutes),
        [
            new LedgerField("plate_no", plate),
            new LedgerField("plate_color", "yellow"),
            new LedgerField("direction", "1"),
            new LedgerField("emission_stage", "4"),
            new LedgerField("cargo_weight_t", weight),
            new LedgerField("cargo_name", "铁矿石"),
            new LedgerField("fleet_name", null),
        ]);

    private static readonly LedgerRecord[] Day = [Passage("r1", 0), Passage("r2", 5, "冀B67890"), Passage("r3", 9), Passage("r4", 30, "冀B88888")];

    [Fact]
    public void An_untouched_ledger_verifies()
    {
        var build = LedgerChain.Build(Day);
        Assert.Equal(["r1", "r2", "r3", "r4"], build.Records.Select(r => r.Record.RecordId));
        var head = Assert.Single(build.Heads);
        Assert.Equal(4, head.Count);
        Assert.Equal(build.Records[^1].Seal!.Hash, head.Hash);
        Assert.True(LedgerChain.Verify(build.Records, build.Heads).IsIntact);
    }

    [Fact]
    public void Chains_are_per_enterprise_gate_and_china_date()
    {
        // 23:30 UTC on the 27th is 07:30 on the 28th in China.
        var utcEvening = Passage("r5", 0) with { Time = new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero) };
        var build = LedgerChain.Build([.. Day, Passage("g2", 1, gate: "G02"), Passage("next-day", 24 * 60), utcEvening]);
        Assert.Equal(3, build.Heads.Count);
        Assert.Equal(5, build.Heads.Single(h => h.Chain == new ChainKey(Enterprise, "G01", new DateOnly(2026, 11, 28))).Count);
        Assert.True(LedgerChain.Verify(build.Records, build.Heads).IsIntact);
    }

    [Fact]
    public void Editing_a_row_directly_names_the_row()
    {
        var build = LedgerChain.Build(Day);
        var rows = build.Records.ToList();
        var edited = rows[1].Record with { Fields = [.. rows[1].Record.Fields.Where(f => f.Name != "emission_stage"), new LedgerField("emission_stage", "6")] };
        rows[1] = rows[1] with { Record = edited };
        var finding = Assert.Single(LedgerChain.Verify(rows, build.Heads).Findings);
        Assert.Equal((ChainFindingKind.Altered, "r2", 1L), (finding.Kind, finding.RecordId, finding.Sequence));
    }

    [Fact]
    public void Re_sealing_an_edited_last_row_is_caught_by_the_separate_head()
    {
        var build = LedgerChain.Build(Day);
        var rows = build.Records.ToList();
        var last = rows[^1];
        var edited = last.Record with { Fields = [.. last.Record.Fields.Where(f => f.Name != "cargo_weight_t"), new LedgerField("cargo_weight_t", "10.0")] };
        var forged = LedgerCanonical.LinkHash(last.Seal!.PrevHash, last.Seal.Sequence, edited);
        rows[^1] = new SealedRecord(edited, last.Seal with { Hash = forged });
        var finding = Assert.Single(LedgerChain.Verify(rows, build.Heads).Findings);
        Assert.Equal((ChainFindingKind.Altered, "r4"), (finding.Kind, finding.RecordId));
    }

    [Fact]
    public void Deleting_rows_names_their_positions_including_the_last()
    {
        var build = LedgerChain.Build(Day);
        var findings = LedgerChain.Verify([build.Records[0], build.Records[2]], build.Heads).Findings;
        Assert.Equal([(ChainFindingKind.Removed, 1L), (ChainFindingKind.Removed, 3L)], findings.Select(f => (f.Kind, f.Sequence!.Value)));
    }

    [Fact]
    public void Rows_inserted_behind_the_platform_are_named()
    {
        var build = LedgerChain.Build(Day);
        var unsealed = new SealedRecord(Passage("ghost", 7, "冀B99999"), null);
        var (appended, _) = LedgerChain.Append(build.Heads[0], Passage("tail", 40, "冀B77777"));
        var findings = LedgerChain.Verify([.. build.Records, unsealed, appended], build.Heads).Findings;
        Assert.Equal([("ghost", ChainFindingKind.Inserted), ("tail", ChainFindingKind.Inserted)],
            findings.Select(f => (f.RecordId!, f.Kind)).Order());
    }

    [Fact]
    public void A_whole_chain_without_a_stored_head_is_inserted()
    {
        var build = LedgerChain.Build(Day);
        var findings = LedgerChain.Verify(build.Records, []).Findings;
        Assert.Equal(4, findings.Count);
        Assert.All(findings, f => Assert.Equal(ChainFindingKind.Inserted, f.Kind));
    }

    [Fact]
    public void Exact_duplicate_rows_are_harmless_but_conflicting_ids_are_refused()
    {
        var build = LedgerChain.Build([.. Day, Day[0]]);
        Assert.Equal(4, build.Records.Count);
        Assert.True(LedgerChain.Verify([.. build.Records, build.Records[2] with { }], build.Heads).IsIntact);
        Assert.Throws<ArgumentException>(() => LedgerChain.Build([.. Day, Passage("r1", 0, "冀B00000")]));
    }

    [Fact]
    public void Streaming_append_equals_batch_build_when_appended_in_time_order()
    {
        var build = LedgerChain.Build(Day);
        ChainHead? head = null;
        var streamed = new List<SealedRecord>();
        foreach (var record in Day)
        {
            (var row, head) = LedgerChain.Append(head, record);
            streamed.Add(row);
        }
        Assert.Equal(build.Records, streamed);
        Assert.Equal(build.Heads[0], head);
        Assert.Throws<ArgumentException>(() => LedgerChain.Append(head, Passage("other-gate", 1, gate: "G09")));
    }

    [Fact]
    public void Canonical_encoding_is_order_free_distinguishes_null_from_empty_and_is_pinned()
    {
        var record = Day[0];
        var reversed = record with { Fields = [.. record.Fields.Reverse()] };
        Assert.Equal(LedgerCanonical.Encode(record), LedgerCanonical.Encode(reversed));
        Assert.Equal(record, reversed);
        var empty = record with { Fields = [.. record.Fields.Select(f => f.Value is null ? f with { Value = "" } : f)] };
        Assert.NotEqual(LedgerCanonical.Encode(record), LedgerCanonical.Encode(empty));
        // The same instant in another offset is the same record.
        Assert.Equal(LedgerCanonical.Encode(record), LedgerCanonical.Encode(record with { Time = record.Time.ToUniversalTime() }));
        var bytes = LedgerCanonical.Encode(record);
        Assert.StartsWith("HJ1321-LEDGER-RECORD-V1", Encoding.ASCII.GetString(bytes, 0, 23), StringComparison.Ordinal);
        Assert.Contains("2026-11-28T10:15:30.0000000+08:00", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LedgerCanonical.Encode(record with { Fields = [new("a", "1"), new("a", "2")] }));
        // Pinned (values computed independently from the documented encoding with Python hashlib): changing the
        // encoding breaks every stored chain, so it must be a deliberate, versioned change.
        Assert.Equal(PinnedGenesis, LedgerCanonical.GenesisHash(record.Chain));
        Assert.Equal(PinnedFirstLink, LedgerChain.Build([record]).Records[0].Seal!.Hash);
    }

    private const string PinnedGenesis = "7e1cbc73cb802657fb0d1b1859509528c72c76ba11fe9a47c03a7f92b187e017";
    private const string PinnedFirstLink = "879cdadbf468398a1c6a4d7806488b32861f84b3ebb9168d84340d57263e00f3";

    [Fact]
    public void Ledger_values_are_invariant()
    {
        Assert.Equal("12.5", LedgerValues.Of(12.50m));
        Assert.Equal("0", LedgerValues.Of(0.000m));
        Assert.Equal("-3", LedgerValues.Of(-3L));
        Assert.Equal("1", LedgerValues.Of(true));
        Assert.Equal("2026-11-28T02:15:30.0000000+08:00", LedgerValues.Of(new DateTimeOffset(2026, 11, 27, 18, 15, 30, TimeSpan.Zero)));
    }
}
