using DataPlatform.MachineLearning.Anomalies;
using DataPlatform.MachineLearning.Forecasting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DataPlatform.MachineLearning;

/// <summary>The daily run (Quartz, China time): train the forecast (or keep the baseline) and write the next 72 h,
/// then score smoking risk and run the anomaly rules and models. Never two at once.</summary>
[DisallowConcurrentExecution]
public sealed class TrainingJob(ForecastService forecast, AnomalyScanService anomalies, ILogger<TrainingJob> logger) : IJob
{
    public static readonly JobKey Key = new("ml-daily-training", "machine-learning");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var now = DateTimeOffset.Now;
        var run = await forecast.TrainAsync(now, seed: 1, ct);
        logger.LogInformation("车流预测 {Version} ({Status}): 模型 MAE {Mae:F2}, 基线 MAE {Baseline:F2}, 写入 {Rows} 行",
            run.Model.ModelVersion, run.Model.Status, run.Evaluation.Model.Mae, run.Evaluation.Baseline.Mae, run.Forecasts.Count);
        var scan = await anomalies.ScanAsync(now, seed: 1, ct);
        logger.LogInformation("异常线索: 发现 {Found}, 新增 {New}, 告警 {Alarms}", scan.Found.Count, scan.NewFlags.Count, scan.NewAlarms);
    }
}
