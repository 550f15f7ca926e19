using System.ComponentModel.DataAnnotations;

namespace DataPlatform.MachineLearning.Rules;

/// <summary>Thresholds of the exact rules (<c>MachineLearning:Rules</c>).</summary>
public sealed class AnomalyRuleOptions
{
    /// <summary>Two passages of one plate at different gates of one plant closer than this cannot be one truck
    /// (it would have to leave, drive round the plant and pass the other gate).</summary>
    [Range(0.1, 600)] public double SamePlantMinTravelMinutes { get; set; } = 3;

    /// <summary>At gates of two different plants (the same platform serving several enterprises).</summary>
    [Range(0.1, 1440)] public double OtherPlantMinTravelMinutes { get; set; } = 30;

    /// <summary>An entry with no exit after this many days is flagged.</summary>
    [Range(0.1, 365)] public double EntryWithoutExitDays { get; set; } = 3;

    /// <summary>Denials of one plate within <see cref="OverrideLookbackHours"/> before a guard's manual passage.</summary>
    [Range(1, 100)] public int OverrideMinDenials { get; set; } = 2;

    [Range(0.1, 720)] public double OverrideLookbackHours { get; set; } = 24;

    /// <summary>The manual passage must follow the last denial within this many hours.</summary>
    [Range(0.01, 72)] public double OverrideWithinHours { get; set; } = 2;

    /// <summary>A goods vehicle with at least this many entries in the window and no weighing at all is flagged.</summary>
    [Range(1, 1000)] public int NeverWeighedMinEntries { get; set; } = 5;
}
