using DataPlatform.Analytics.Http;
using DataPlatform.Analytics.Sql;
using DataPlatform.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace DataPlatform.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>The analytics role's core: the SQL console, the HTTP listener that the stage's parts add route groups
    /// to (<see cref="IAnalyticsEndpoints"/>), and the Quartz scheduler that the stage's jobs are added to with
    /// <c>services.AddQuartz(q => …)</c> (reports, rating refresh, model training).</summary>
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.AddLedger();
        var services = builder.Services;
        services.AddOptions<AnalyticsOptions>().BindConfiguration("Analytics").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqlConsole>();
        services.AddSingleton<AnalyticsHttpServer>();
        services.AddHostedService(sp => sp.GetRequiredService<AnalyticsHttpServer>());
        services.AddQuartz();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.AddRating();
        return builder;
    }
}
