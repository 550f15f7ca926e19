using DataPlatform.RegulatorBridge.Outbox;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.RegulatorBridge.Tests;

/// <summary>The upload window: never more requests out than allowed, a slow request never holds a slot of the window,
/// and the time it names for the next free slot really frees one.</summary>
public sealed class UploadWindowProperties
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static readonly Gen<(UploadWindow Window, List<DateTimeOffset> Out)> Case =
        from inFlight in Gen.Choose(1, 40)
        from extra in Gen.Choose(0, 100)
        from slowMs in Gen.Choose(1, 5000)
        from ages in Gen.ListOf(Gen.Choose(0, 20_000))
        select (new UploadWindow(inFlight, TimeSpan.FromMilliseconds(slowMs), inFlight + extra),
            ages.Take(inFlight + extra).Select(ms => Now.AddMilliseconds(-ms)).ToList());

    [Property(MaxTest = 500)]
    public Property Starting_what_is_free_never_exceeds_the_window_nor_the_outstanding_bound() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var free = c.Window.Free(c.Out, Now);
            Assert.True(free >= 0);
            var after = c.Out.Concat(Enumerable.Repeat(Now, free)).ToList();
            Assert.True(c.Window.Counting(after, Now) <= Math.Max(c.Window.MaxInFlight, c.Window.Counting(c.Out, Now)));
            Assert.True(after.Count <= Math.Max(c.Window.MaxOutstanding, c.Out.Count));
            // Nothing more may start once those are out.
            Assert.Equal(0, c.Window.Free(after, Now));
        });

    [Property(MaxTest = 500)]
    public Property A_slow_request_holds_no_slot_of_the_window() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var notYetSlow = c.Out.Where(s => Now - s < c.Window.SlowAfter).ToList();
            var unbounded = c.Window with { MaxOutstanding = int.MaxValue };
            Assert.Equal(unbounded.Free(notYetSlow, Now), unbounded.Free(c.Out, Now));
        });

    [Property(MaxTest = 500)]
    public Property The_next_slot_is_when_a_request_out_turns_slow() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var next = c.Window.NextSlot(c.Out, Now);
            var counting = c.Window.Counting(c.Out, Now);
            Assert.Equal(counting == 0, next is null);
            if (next is { } at)
            {
                Assert.True(at > Now);
                Assert.True(c.Window.Counting(c.Out, at) < counting);
                Assert.Equal(counting, c.Window.Counting(c.Out, at - TimeSpan.FromTicks(1)));
            }
        });

    [Property(MaxTest = 500)]
    public Property A_batch_is_at_least_one_request_and_never_more_than_the_window() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            Assert.InRange(c.Window.Batch, 1, c.Window.MaxInFlight);
            // A full window freed by one batch has room for it.
            Assert.True(c.Window.Batch <= c.Window.Free([.. Enumerable.Repeat(Now, c.Window.MaxInFlight - c.Window.Batch)], Now));
        });

    [Fact]
    public void Thirty_two_fast_requests_fill_the_default_window_and_thirty_two_hung_ones_do_not()
    {
        var window = new UploadWindow(32, TimeSpan.FromSeconds(2), 256);
        Assert.Equal(0, window.Free([.. Enumerable.Repeat(Now.AddMilliseconds(-50), 32)], Now));
        Assert.Equal(32, window.Free([.. Enumerable.Repeat(Now.AddSeconds(-5), 32)], Now));
        Assert.Equal(0, window.Free([.. Enumerable.Repeat(Now.AddSeconds(-5), 256)], Now));
        Assert.Equal(8, window.Batch);
    }
}
