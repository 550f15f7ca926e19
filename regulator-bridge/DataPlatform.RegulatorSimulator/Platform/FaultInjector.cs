using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorSimulator.Faults;

namespace DataPlatform.RegulatorSimulator.Platform;

/// <summary>Draws faults from the plan in force: one uniform number per eligible rule, in rule order, from a
/// generator seeded by the plan, so the same sequence of attempts meets the same faults.</summary>
internal sealed class FaultInjector
{
    private static readonly RecordKind[] UploadKinds =
        [RecordKind.Passage, RecordKind.VehicleRegister, RecordKind.InPlantVehicleRegister, RecordKind.NonRoadRegister, RecordKind.Image];

    private readonly Lock _gate = new();
    private FaultPlan _plan = new();
    private Random _random = new(0);
    private int[] _fired = [];

    public FaultInjector(FaultPlan? plan) => Set(plan ?? new FaultPlan());

    public FaultPlan Plan
    {
        get
        {
            lock (_gate)
                return _plan.Clone();
        }
    }

    public void Set(FaultPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var rule in plan.Rules)
        {
            if (!Enum.IsDefined(rule.Kind))
                throw new ArgumentException($"fault kind {rule.Kind} is not defined", nameof(plan));
            if (rule.Probability is < 0 or > 1 || double.IsNaN(rule.Probability))
                throw new ArgumentException($"fault probability {rule.Probability} is not within 0 … 1", nameof(plan));
        }
        lock (_gate)
        {
            _plan = plan.Clone();
            _random = new Random(plan.Seed);
            _fired = new int[plan.Rules.Count];
        }
    }

    /// <summary>The rule that strikes this attempt, or null.</summary>
    public FaultRule? Draw(RecordKind kind)
    {
        lock (_gate)
        {
            for (var i = 0; i < _plan.Rules.Count; i++)
            {
                var rule = _plan.Rules[i];
                var eligible = rule.Kinds.Count == 0 ? UploadKinds.Contains(kind) : rule.Kinds.Contains(kind);
                if (!eligible || rule.Probability <= 0 || (rule.Limit is { } limit && _fired[i] >= limit))
                    continue;
                if (_random.NextDouble() < rule.Probability)
                {
                    _fired[i]++;
                    return rule;
                }
            }
            return null;
        }
    }
}
