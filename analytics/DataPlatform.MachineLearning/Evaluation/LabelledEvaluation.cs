using DataPlatform.MachineLearning.Rules;

namespace DataPlatform.MachineLearning.Evaluation;

/// <summary>Whether a planted anomaly was flagged, and by which flag.</summary>
public sealed record PlantedFinding(string Kind, string Subject, bool Found, Guid? FlagId, int EvidencePassages);

/// <summary>The platform's flags judged against the simulator's labels file (<c>simulate --history --labels</c>).</summary>
public sealed record LabelledEvaluation(int Seed, double Budget, IReadOnlyList<BudgetedRanking> SmokingRisk, IReadOnlyList<PlantedFinding> Planted)
{
    /// <summary>A planted anomaly is found when a flag of its kind names its subject (plate, or gate for a night burst).</summary>
    public static IReadOnlyList<PlantedFinding> Match(IReadOnlyList<(string Kind, string Subject)> planted, IReadOnlyList<(Guid Id, AnomalyFlag Flag)> flags) =>
        [.. planted.Select(p =>
        {
            var hit = flags.FirstOrDefault(f => f.Flag.Kind == p.Kind && f.Flag.Subject == p.Subject);
            return new PlantedFinding(p.Kind, p.Subject, hit.Flag is not null, hit.Flag is null ? null : hit.Id, hit.Flag?.PassageIds.Count ?? 0);
        })];
}
