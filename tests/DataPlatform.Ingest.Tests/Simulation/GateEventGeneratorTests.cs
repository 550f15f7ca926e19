using DataPlatform.Gate;
using DataPlatform.Simulation;

namespace DataPlatform.Ingest.Tests.Simulation;

public sealed class GateEventGeneratorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 8, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("steel")]
    [InlineData("chemicals")]
    [InlineData("port")]
    [InlineData("manufacturer")]
    public void Every_profile_generates_what_it_labels(string profile)
    {
        var generator = new GateEventGenerator(SimulationProfile.Find(profile)!, seed: 3);
        var pushes = Enumerable.Range(0, 3000).Select(i => generator.Next(Start.AddSeconds(i))).ToList();
        foreach (var push in pushes)
        {
            var parsed = GateEventCodec.Parse(push.Body, Start.AddDays(1));
            Assert.True(parsed.IsSuccess == (push.Kind != SimulatedPushKind.Malformed), $"{push.Kind}: {parsed}");
        }
        Assert.Contains(pushes, p => p.Kind == SimulatedPushKind.Duplicate);
        Assert.Contains(pushes, p => p.Kind == SimulatedPushKind.Malformed);
        var valid = pushes.Where(p => p.Kind == SimulatedPushKind.Valid).ToList();
        Assert.Equal(valid.Count, valid.Select(p => p.EventId).Distinct().Count());
        Assert.All(pushes.Where(p => p.Kind == SimulatedPushKind.Duplicate), d => Assert.Contains(valid, v => v.EventId == d.EventId));
    }

    [Fact]
    public void The_same_seed_replays_the_same_traffic()
    {
        byte[][] Run(int seed)
        {
            var g = new GateEventGenerator(SimulationProfile.Default, seed);
            return Enumerable.Range(0, 200).Select(i => g.Next(Start.AddSeconds(i)).Body).ToArray();
        }
        Assert.Equal(Run(5), Run(5));
        Assert.NotEqual(Run(5), Run(6));
    }
}
