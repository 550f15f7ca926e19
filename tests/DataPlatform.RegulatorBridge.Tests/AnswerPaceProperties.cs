using DataPlatform.RegulatorBridge.Outbox;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.RegulatorBridge.Tests;

/// <summary>The platform's answer pace sets when a request counts as slow: within the floor and the configured bound,
/// the bound until enough answers are known, and a fast platform's held requests free their slot long before 2 s.</summary>
public sealed class AnswerPaceProperties
{
    private static readonly Gen<(List<int> AnswersMs, int BoundMs)> Case =
        from answers in Gen.ListOf(Gen.Choose(0, 20_000))
        from bound in Gen.Choose(10, 600_000)
        select (answers, bound);

    private static AnswerPace Paced(IEnumerable<int> answersMs)
    {
        var pace = new AnswerPace();
        foreach (var ms in answersMs)
            pace.Observe(TimeSpan.FromMilliseconds(ms));
        return pace;
    }

    [Property(MaxTest = 500)]
    public Property Slow_after_stays_within_the_floor_and_the_configured_bound() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var bound = TimeSpan.FromMilliseconds(c.BoundMs);
            var slow = Paced(c.AnswersMs).SlowAfter(bound);
            Assert.True(slow <= bound);
            Assert.True(slow >= (bound < AnswerPace.Floor ? bound : AnswerPace.Floor));
            if (c.AnswersMs.Count < AnswerPace.MinAnswers)
                Assert.Equal(bound, slow);
        });

    [Property(MaxTest = 500)]
    public Property Slow_after_never_cuts_off_a_request_at_the_usual_pace() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var bound = TimeSpan.FromMilliseconds(c.BoundMs);
            var pace = Paced(c.AnswersMs);
            // At least nine in ten of the remembered answers came well before the threshold (or the bound holds).
            var recent = c.AnswersMs.TakeLast(AnswerPace.Keep).Select(ms => TimeSpan.FromMilliseconds(ms)).ToList();
            var slow = pace.SlowAfter(bound);
            if (slow < bound && recent.Count > 0)
                Assert.True(recent.Count(a => a * AnswerPace.Multiplier <= slow) >= 0.9 * recent.Count);
        });

    [Fact]
    public void A_platform_answering_in_25_ms_makes_a_request_slow_after_100_ms_and_one_answering_in_1_s_keeps_the_2_s_bound()
    {
        var bound = TimeSpan.FromSeconds(2);
        Assert.Equal(TimeSpan.FromMilliseconds(100), Paced(Enumerable.Repeat(25, 64)).SlowAfter(bound));
        Assert.Equal(TimeSpan.FromMilliseconds(100), Paced(Enumerable.Repeat(5, 64)).SlowAfter(bound));
        Assert.Equal(TimeSpan.FromMilliseconds(320), Paced([.. Enumerable.Repeat(20, 57), .. Enumerable.Repeat(80, 7)]).SlowAfter(bound));
        Assert.Equal(bound, Paced(Enumerable.Repeat(1000, 64)).SlowAfter(bound));
        Assert.Equal(bound, Paced(Enumerable.Repeat(25, AnswerPace.MinAnswers - 1)).SlowAfter(bound));
        // Old answers are forgotten: a platform that slows down is followed.
        Assert.Equal(TimeSpan.FromMilliseconds(1200), Paced([.. Enumerable.Repeat(25, 200), .. Enumerable.Repeat(300, 64)]).SlowAfter(bound));
    }
}
