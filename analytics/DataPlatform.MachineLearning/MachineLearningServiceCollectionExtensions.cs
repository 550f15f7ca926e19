using DataPlatform.Analytics.Scheduling;
using DataPlatform.MachineLearning.Anomalies;
using DataPlatform.MachineLearning.Forecasting;
using DataPlatform.MachineLearning.Ledger;
using DataPlatform.MachineLearning.Rules;
using DataPlatform.MachineLearning.SmokingRisk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace DataPlatform.MachineLearning;

public static class MachineLearningServiceCollectionExtensions
{
    /// <summary>The analytics stage's models: traffic forecasts, smoking risk and anomaly flags, trained daily by a
    /// Quartz job (<c>MachineLearning:TrainingCron</c>, Asia/Shanghai) and on demand by the CLI.</summary>
    public static IHostApplicationBuilder AddMachineLearning(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MachineLearningOptions>().BindConfiguration("MachineLearning").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnomalyRuleOptions>().BindConfiguration("MachineLearning:Rules").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModelStore>();
        services.AddSingleton<LedgerFactsReader>();
        services.AddSingleton<MlModelsTable>();
        services.AddSingleton<TrafficForecastsTable>();
        services.AddSingleton<AnomalyFlagsTable>();
        services.AddSingleton<AnomalyAlarms>();
        services.AddSingleton<ForecastService>();
        services.AddSingleton<SmokingRiskService>();
        services.AddSingleton<AnomalyScanService>();
        services.AddTransient<TrainingJob>();
        var options = builder.Configuration.GetSection("MachineLearning").Get<MachineLearningOptions>() ?? new MachineLearningOptions();
        if (options.ScheduleTraining)
            services.AddQuartz(q =>
            {
                q.AddJob<TrainingJob>(j => j.WithIdentity(TrainingJob.Key).StoreDurably());
                q.AddTrigger(t => t.ForJob(TrainingJob.Key).WithIdentity("ml-daily-training-trigger", "machine-learning")
                    .WithCronSchedule(options.TrainingCron, c => c.InTimeZone(ChinaCalendar.Zone)));
            });
        return builder;
    }
}
