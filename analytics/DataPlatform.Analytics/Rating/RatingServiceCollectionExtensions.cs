using DataPlatform.Analytics.Rating;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

// In the stage's root namespace so AddAnalytics calls it without another using.
namespace DataPlatform.Analytics;

public static class RatingServiceCollectionExtensions
{
    /// <summary>The rating: figures, rule sets, <see cref="RatingService"/>, the refresh job (when
    /// <c>Analytics:Rating:RefreshEnabled</c>), and the waybill import with its HTTP route group.</summary>
    public static IHostApplicationBuilder AddRating(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = builder.Configuration.GetSection("Analytics:Rating").Get<RatingOptions>() ?? new RatingOptions();
        services.AddOptions<RatingOptions>().BindConfiguration("Analytics:Rating").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RatingFigures>();
        services.AddSingleton<RuleSetProvider>();
        services.AddSingleton<RatingService>();
        services.AddSingleton<RatingRefresher>();
        services.AddSingleton<RatingEvidence>();
        services.AddWaybills();
        if (settings.RefreshEnabled)
        {
            var interval = Math.Max(10, settings.RefreshIntervalSeconds);
            services.AddQuartz(q =>
            {
                q.AddJob<RatingRefreshJob>(j => j.WithIdentity(RatingRefreshJob.Key));
                q.AddTrigger(t => t.ForJob(RatingRefreshJob.Key).StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(interval)).RepeatForever()));
            });
        }
        return builder;
    }
}
