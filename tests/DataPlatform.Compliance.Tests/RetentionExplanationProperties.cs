using DataPlatform.Compliance.Integrity;

namespace DataPlatform.Compliance.Tests;

/// <summary>What retention explains in a verification, and what it never explains.</summary>
public sealed class RetentionExplanationProperties
{
    private static readonly DateOnly Day0 = new(2027, 1, 1);

    private static readonly Gen<ChainFinding> Finding =
        from kind in Gen.Elements(Enum.GetValues<ChainFindingKind>())
        from day in Gen.Choose(0, 120)
        from gate in Gen.Elements("G01", "G02")
        from seq in Gen.Choose(0, 50)
        select new ChainFinding(kind, new ChainKey("E1302001", gate, Day0.AddDays(day)), $"rec-{seq}", seq, "");

    private static readonly Gen<(ChainFinding[] Findings, DateOnly RetainedFrom)> Case =
        from findings in Gen.ArrayOf(Finding)
        from cut in Gen.Choose(0, 121)
        select (findings, Day0.AddDays(cut));

    [Property(MaxTest = 300)]
    public Property The_split_keeps_every_finding_once_and_in_order() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var (kept, expired) = RetentionExplanation.Split(c.Findings, c.RetainedFrom);
            Assert.Equal(c.Findings.Length, kept.Count + expired.Count);
            Assert.Equal(c.Findings.Where(f => !expired.Contains(f)), kept);
        });

    [Property(MaxTest = 300)]
    public Property Only_removed_or_headless_records_before_the_retained_date_are_explained() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var (_, expired) = RetentionExplanation.Split(c.Findings, c.RetainedFrom);
            Assert.All(expired, f =>
            {
                Assert.True(f.Chain.ChinaDate < c.RetainedFrom);
                Assert.Contains(f.Kind, new[] { ChainFindingKind.Removed, ChainFindingKind.Inserted });
            });
            // An altered record or a re-sealed chain is tampering however old it is.
            Assert.Equal(c.Findings.Count(f => f.Chain.ChinaDate < c.RetainedFrom && f.Kind is ChainFindingKind.Removed or ChainFindingKind.Inserted),
                expired.Count);
        });

    [Property(MaxTest = 100)]
    public Property A_ledger_that_deletes_nothing_explains_nothing() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var (kept, expired) = RetentionExplanation.Split(c.Findings, null);
            Assert.Empty(expired);
            Assert.Equal(c.Findings, kept);
        });

    [Theory]
    // Rows are deleted 24 months after their time: on 2029-01-15 the day 2027-01-15 is losing rows (and lost its
    // head at midnight); 2027-01-16 is whole, and one more day covers China dates against a UTC server clock.
    [InlineData("2029-01-15", 24, "2027-01-17")]
    [InlineData("2029-03-31", 30, "2026-10-02")]
    [InlineData("2028-02-29", 12, "2027-03-02")]
    public void The_retained_date_is_today_n_months_back_plus_two_days(string today, int months, string retainedFrom) =>
        Assert.Equal(DateOnly.Parse(retainedFrom, System.Globalization.CultureInfo.InvariantCulture),
            RetentionExplanation.RetainedFrom(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), months));
}
