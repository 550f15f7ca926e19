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

    /// <summary>Every kind at once, each at <paramref name="probabilityEach"/> split evenly between before and after
    /// the store (16 rules); e.g. 0.08 strikes about half the attempts ((1 − 0.04)^16 ≈ 0.52 pass untouched).
    /// Timeouts and slow responses use <paramref name="delay"/>, short enough for a test.</summary>
    public static FaultPlan Everything(double probabilityEach, int seed, TimeSpan delay)
    {
        var plan = new FaultPlan { Seed = seed };
        foreach (var kind in Enum.GetValues<FaultKind>())
            foreach (var stage in new[] { FaultStage.BeforeStore, FaultStage.AfterStore })
                plan.Rules.Add(new FaultRule { Kind = kind, Stage = stage, Probability = probabilityEach / 2, Delay = delay });
        return plan;
    }

    /// <summary>Reads a plan written as JSON (camelCase or PascalCase names, kinds and stages by name, delays as
    /// "00:00:02"), e.g. <c>{"seed":7,"rules":[{"kind":"LostAck","probability":0.2}]}</c>.</summary>
    /// <exception cref="System.Text.Json.JsonException">not a readable plan.</exception>
    public static FaultPlan Parse(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<FaultPlan>(json, Platform.SimJson.Options) ?? throw new System.Text.Json.JsonException("the fault plan is empty");

    public FaultPlan Clone() => new() { Seed = Seed, Rules = Rules.Select(r => r.Clone()).ToList() };
}
