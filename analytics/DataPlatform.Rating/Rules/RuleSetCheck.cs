using DataPlatform.Rating.Metrics;

namespace DataPlatform.Rating.Rules;

/// <summary>What makes a rule set unusable, in words: unknown metrics or stages, thresholds outside [0, 1],
/// levels out of order or without criteria.</summary>
public static class RuleSetCheck
{
    public static IEnumerable<string> Problems(RuleSet set)
    {
        if (string.IsNullOrWhiteSpace(set.Id)) yield return "id is empty";
        foreach (var (name, stage) in new[] { ("road_minimum_stage", set.RoadMinimumStage), ("in_plant_minimum_stage", set.InPlantMinimumStage), ("non_road_minimum_stage", set.NonRoadMinimumStage) })
            if (StageRank.Of(stage) < 0) yield return $"{name} '{stage}' is not a stage (0…6, D)";
        if (set.Levels.Count == 0) yield return "no levels";
        var previous = -1;
        foreach (var level in set.Levels)
        {
            var rank = RatingLevel.Rank(level.Level);
            if (rank >= RatingLevel.Rank(RatingLevel.NotRated)) yield return $"level '{level.Level}' is not A, B or C";
            else if (rank <= previous) yield return $"level '{level.Level}' is out of order (A, B, C)";
            previous = rank;
            if (level.Criteria.Count == 0) yield return $"level {level.Level} has no criteria";
            foreach (var c in level.Criteria)
            {
                if (!MetricNames.Ratios.Contains(c.Metric)) yield return $"level {level.Level}: unknown metric '{c.Metric}' (one of {string.Join(", ", MetricNames.Ratios)})";
                if (c.Threshold is < 0 or > 1 || double.IsNaN(c.Threshold)) yield return $"level {level.Level}: threshold {c.Threshold} of {c.Metric} is outside [0, 1]";
                if (c.ConsecutiveMonths is < 1 or > 12) yield return $"level {level.Level}: consecutive_months {c.ConsecutiveMonths} of {c.Metric} is outside 1…12";
            }
        }
    }
}
