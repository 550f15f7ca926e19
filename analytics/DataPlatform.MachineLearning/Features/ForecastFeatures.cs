using DataPlatform.Gate.Calendar;
using Microsoft.ML.Data;

namespace DataPlatform.MachineLearning.Features;

/// <summary>One (series, cut-off, target hour) example of the traffic forecast: what is known at the cut-off about
/// the target hour, and (when training or evaluating) the count that happened. ML.NET reads it by property.</summary>
public sealed class ForecastFeatures
{
    /// <summary>Feature names in the order the model's feature vector holds them (stored in <c>ml_models.features</c>).</summary>
    public static readonly string[] Names =
    [
        nameof(HourOfDay), nameof(DayOfWeek), nameof(DayKind), nameof(IsDayOff), nameof(DaysToHoliday), nameof(Horizon),
        nameof(Direction), nameof(Lag1Week), nameof(Lag2Weeks), nameof(SameHourMean4Weeks), nameof(SameHourSameKindMean),
        nameof(LastDayMean), nameof(AlertAtCutoff),
    ];

    public float HourOfDay { get; set; }
    public float DayOfWeek { get; set; }

    /// <summary>0 workday, 1 weekend, 2 public holiday, 3 weekend day worked (调休).</summary>
    public float DayKind { get; set; }
    public float IsDayOff { get; set; }
    public float DaysToHoliday { get; set; }

    /// <summary>Hours from the cut-off to the target hour, 1..72.</summary>
    public float Horizon { get; set; }
    public float Direction { get; set; }

    /// <summary>The same hour one week earlier — also the seasonal-naive baseline.</summary>
    public float Lag1Week { get; set; }
    public float Lag2Weeks { get; set; }
    public float SameHourMean4Weeks { get; set; }

    /// <summary>Mean of the same hour on the last (up to 4) days of the same kind (off day / working day) before the cut-off:
    /// what a holiday looks like when the week before was ordinary.</summary>
    public float SameHourSameKindMean { get; set; }

    /// <summary>Mean hourly count over the 24 hours before the cut-off: the current level (an alert, a slump).</summary>
    public float LastDayMean { get; set; }

    /// <summary>Alert level (0..4) in effect at the last decision before the cut-off.</summary>
    public float AlertAtCutoff { get; set; }

    /// <summary>Passages that happened in the target hour (0 when forecasting).</summary>
    public float Label { get; set; }

    /// <summary>The target hour (not a feature; kept to join predictions back).</summary>
    [NoColumn]
    public long TargetHour { get; set; }

    [NoColumn]
    public long CutoffHour { get; set; }
}
