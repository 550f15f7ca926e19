using DataPlatform.Compliance.Integrity;
using DataPlatform.Tests.Shared;

namespace DataPlatform.Compliance.Tests;

public sealed class LedgerChainProperties
{
    private static readonly Gen<LedgerRecord[]> LedgerGen =
        from count in Gen.Choose(1, 30)
        from rows in Gen.ArrayOf(
            from gate in Gen.Elements("G01", "G02")
            from minutes in Gen.Choose(-600, 1800)
            from plate in Gens.Plate
            from weight in Gen.Choose(0, 9999)
            from cargo in Gen.Elements<string?>("铁矿石", "焦炭", "", null)
            select (gate, minutes, plate, weight, cargo), count)
        select rows.Select((r, i) => new LedgerRecord($"rec-{i:D3}", "passage", Enterprise, r.gate, Now.AddMinutes(r.minutes),
        [
            new LedgerField("plate_no", r.plate.Text),
            new LedgerField("cargo_weight_t", LedgerValues.Of(r.weight / 10m)),
            new LedgerField("cargo_name", r.cargo),
        ])).ToArray();

    private static readonly Gen<(LedgerRecord[] Ledger, int Index, int Seed)> Case =
        from ledger in LedgerGen
        from index in Gen.Choose(0, 1000)
        from seed in Gen.Choose(0, int.MaxValue)
        select (ledger, index % ledger.Length, seed);

    [Property(MaxTest = 300)]
    public Property An_untouched_ledger_verifies_in_any_row_order() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var build = LedgerChain.Build(c.Ledger);
            Assert.True(LedgerChain.Verify(Seeded.Shuffle(build.Records, c.Seed), build.Heads).IsIntact);
            // And the build does not depend on the input order.
            var again = LedgerChain.Build(Seeded.Shuffle(c.Ledger, c.Seed));
            Assert.Equal(build.Heads.OrderBy(h => h.Chain.ToString()), again.Heads.OrderBy(h => h.Chain.ToString()));
        });

    private static LedgerRecord Alter(LedgerRecord r, int seed) => (seed % 4) switch
    {
        0 => r with { Fields = [.. r.Fields.Select(f => f.Name == "cargo_weight_t" ? f with { Value = f.Value + "1" } : f)] },
        1 => r with { Fields = [.. r.Fields.Select(f => f.Name == "cargo_name" ? f with { Value = f.Value is null ? "" : null } : f)] },
        2 => r with { Time = r.Time.AddSeconds(1 + seed % 100_000) },
        _ => r with { Fields = [.. r.Fields, new LedgerField("remark", "补录")] },
    };

    [Property(MaxTest = 300)]
    public Property Any_single_alteration_is_detected_and_names_the_record() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var build = LedgerChain.Build(c.Ledger);
            var rows = build.Records.ToList();
            var victim = rows[c.Index];
            rows[c.Index] = victim with { Record = Alter(victim.Record, c.Seed) };
            var finding = Assert.Single(LedgerChain.Verify(rows, build.Heads).Findings);
            Assert.Equal((ChainFindingKind.Altered, victim.Record.RecordId), (finding.Kind, finding.RecordId));
        });

    [Property(MaxTest = 300)]
    public Property Any_single_removal_is_detected_at_its_position() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var build = LedgerChain.Build(c.Ledger);
            var victim = build.Records[c.Index];
            var rows = build.Records.Where((_, i) => i != c.Index);
            var finding = Assert.Single(LedgerChain.Verify(rows, build.Heads).Findings);
            Assert.Equal((ChainFindingKind.Removed, victim.Seal!.Chain, victim.Seal.Sequence), (finding.Kind, finding.Chain, finding.Sequence!.Value));
        });

    [Property(MaxTest = 300)]
    public Property Any_single_insertion_is_detected_and_names_the_record() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var build = LedgerChain.Build(c.Ledger);
            var template = build.Records[c.Index];
            var intruder = template.Record with { RecordId = "intruder", Time = template.Record.Time.AddSeconds(1) };
            // Three ways in: unsealed; sealed by an attacker onto the current head; or a forged seal that reuses
            // an existing position and links to its predecessor.
            var head = build.Heads.Single(h => h.Chain == template.Seal!.Chain);
            SealedRecord inserted = (c.Seed % 3) switch
            {
                0 => new SealedRecord(intruder, null),
                1 => LedgerChain.Append(head, intruder with { Time = template.Record.Time }).Sealed,
                _ => new SealedRecord(intruder with { Time = template.Record.Time }, template.Seal! with
                {
                    Hash = LedgerCanonical.LinkHash(template.Seal!.PrevHash, template.Seal.Sequence, intruder with { Time = template.Record.Time }),
                }),
            };
            var finding = Assert.Single(LedgerChain.Verify(Seeded.Shuffle(build.Records.Append(inserted), c.Seed), build.Heads).Findings);
            Assert.Equal((ChainFindingKind.Inserted, "intruder"), (finding.Kind, finding.RecordId));
        });
}
