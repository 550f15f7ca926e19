namespace DataPlatform.RegulatorSimulator.Faults;

/// <summary>Which faults to inject, with a seed so a failing test can be replayed attempt for attempt (given the
/// same order of attempts).</summary>
public sealed class FaultPlan
{
    public int Seed { get; set; } = 1321;

    public List<FaultRule> Rules { get; set; } = [];

    public static FaultPlan None => new();

    /// <summary>A plan of one rule.</summary>
    public static FaultPlan Always(FaultKind kind, FaultStage? stage = null, int? limit = null) =>
        new() { Rules = [new FaultRule { Kind = kind, Probability = 1, Stage = stage, Limit = limit }] };

    /// <summary>Every kind at once, each at <paramref name="probabilityEach"/>; e.g. 0.07 fails about half the
    /// attempts. Timeouts and slow responses use <paramref name="delay"/>, short enough for a test.</summary>
    public static FaultPlan Everything(double probabilityEach, int seed, TimeSpan delay)
    {
        var plan = new FaultPlan { Seed = seed };
        foreach (var kind in Enum.GetValues<FaultKind>())
            foreach (var stage in new[] { FaultStage.BeforeStore, FaultStage.AfterStore })
                plan.Rules.Add(new FaultRule { Kind = kind, Stage = stage, Probability = probabilityEach / 2, Delay = delay });
        return plan;
    }

    public FaultPlan Clone() => new() { Seed = Seed, Rules = Rules.Select(r => r.Clone()).ToList() };
}
