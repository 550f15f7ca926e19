using DataPlatform.Streams;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Ingest.Tests.Streams;

/// <summary>Retrying until done: the doubling back-off and the waits the loop really takes.</summary>
public sealed class RetryTests
{
    [Property(MaxTest = 300)]
    public Property A_doubling_back_off_starts_at_its_first_delay_never_shrinks_and_never_passes_its_cap() =>
        Prop.ForAll(Gen.Choose(1, 1000).ToArbitrary(), Gen.Choose(1, 100).ToArbitrary(), Gen.Choose(1, 200).ToArbitrary(), (firstMs, capFactor, attempts) =>
        {
            var first = TimeSpan.FromMilliseconds(firstMs);
            var max = first * capFactor;
            var delays = Enumerable.Range(1, attempts).Select(Retry.Doubling(first, max)).ToList();
            Assert.Equal(first, delays[0]);
            Assert.All(delays.Zip(delays.Skip(1)), p => Assert.True(p.Second == max || p.Second == p.First * 2));
            Assert.All(delays, d => Assert.True(d <= max));
        });

    [Fact]
    public void The_tcp_receivers_back_off_is_200_ms_doubling_to_5_s() =>
        Assert.Equal([200, 400, 800, 1600, 3200, 5000, 5000],
            Enumerable.Range(1, 7).Select(a => Retry.Doubling(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5))(a).TotalMilliseconds));

    [Fact]
    public async Task Each_failure_waits_its_back_off_and_is_reported_with_its_attempt_number()
    {
        var asked = new List<int>();
        var reported = new List<int>();
        var calls = 0;
        var result = await Retry.UntilDoneAsync(
            () => ++calls < 4 ? throw new IOException("engine away") : Task.FromResult(calls),
            attempt => { asked.Add(attempt); return TimeSpan.FromMilliseconds(1); },
            (_, attempt) => reported.Add(attempt), CancellationToken.None);
        Assert.Equal(4, result);
        Assert.Equal([1, 2, 3], asked);
        Assert.Equal([1, 2, 3], reported);
    }
}
