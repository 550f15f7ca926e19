using System.ComponentModel.DataAnnotations;

namespace DataPlatform.MachineLearning;

/// <summary>Settings of the analytics stage's models (<c>MachineLearning</c> section).</summary>
public sealed class MachineLearningOptions
{
    /// <summary>Where model files are written (one ML.NET zip per version); empty = <c>~/.local/share/dataplatform/models/&lt;database&gt;</c>.</summary>
    public string ModelDirectory { get; set; } = "";

    /// <summary>Days of ledger the daily training reads.</summary>
    [Range(21, 800)] public int TrainingDays { get; set; } = 90;

    /// <summary>Most recent days held out to compare the forecast model with seasonal-naive before it is used.</summary>
    [Range(1, 60)] public int HoldoutDays { get; set; } = 14;

    /// <summary>Share of vehicles the smoking-risk model flags for a spot check (the precision/recall budget).</summary>
    [Range(0.001, 0.5)] public double SmokingBudget { get; set; } = 0.05;

    /// <summary>Quartz cron of the daily training and flagging run, China time (default 02:30).</summary>
    [Required] public string TrainingCron { get; set; } = "0 30 2 * * ?";

    /// <summary>False keeps the daily job out of the scheduler (the CLI commands still work).</summary>
    public bool ScheduleTraining { get; set; } = true;
}
