using DataPlatform.RegulatorBridge.Outbox;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.RegulatorBridge.Tests;

/// <summary>An exit's hold for its trip always leaves room for one retry before its real-time deadline.</summary>
public sealed class ExitHoldProperties
{
    private static readonly Gen<(TimeSpan Configured, TimeSpan RealTime, TimeSpan Request, BackoffPolicy Backoff)> Case =
        from configured in Gen.Choose(0, 120)
        from realTime in Gen.Choose(1, 180)
        from request in Gen.Choose(1, 30)
        from backoff in Gen.Choose(1, 10)
        select (TimeSpan.FromSeconds(configured), TimeSpan.FromSeconds(realTime), TimeSpan.FromSeconds(request),
            new BackoffPolicy { Initial = TimeSpan.FromSeconds(backoff) });

    [Property(MaxTest = 500)]
    public Property The_hold_never_exceeds_the_configured_one_and_a_timed_out_attempt_still_has_a_retry_before_the_deadline() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var hold = ExitHoldPolicy.Effective(c.Configured, c.RealTime, c.Request, c.Backoff);
            Assert.InRange(hold, TimeSpan.Zero, c.Configured);
            var room = c.RealTime - 2 * c.Request - c.Backoff.Ceiling(1);
            if (room >= TimeSpan.Zero)
                // Hold, a first attempt that times out, the longest first back-off, a second attempt: within the deadline.
                Assert.True(hold + c.Request + c.Backoff.Ceiling(1) + c.Request <= c.RealTime);
            else
                Assert.Equal(TimeSpan.Zero, hold);
            // A configured hold that already leaves the room is kept as it is.
            if (c.Configured <= room) Assert.Equal(c.Configured, hold);
        });

    [Fact]
    public void With_the_default_deadlines_a_45_second_hold_is_cut_to_38_seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(38),
            ExitHoldPolicy.Effective(TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), new BackoffPolicy()));
}
