using DataPlatform.Reports.Delivery;
using DataPlatform.Reports.Model;
using DataPlatform.Reports.Inspection;
using DataPlatform.Reports.Pdf;
using DataPlatform.Reports.RatingSection;
using DataPlatform.Reports.Runs;
using DataPlatform.Reports.Scheduling;
using DataPlatform.Reports.SelfAssessment;
using DataPlatform.Reports.Templates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace DataPlatform.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The analytics stage's reports: on-demand rendering (monthly report, weekly digest, self-assessment pack,
    /// inspector sampling), and (unless <c>Reports:ScheduleEnabled=false</c>)
    /// the Quartz jobs of the monthly report, the weekly digest and the catch-up at start. Needs <c>AddAnalytics</c>
    /// (ledger client, Quartz hosted scheduler).</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReportsOptions>().BindConfiguration("Reports").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LedgerQuery>();
        services.AddSingleton<ReportQueries>();
        services.AddSingleton<ForecastQueries>();
        services.AddSingleton<ReportModelBuilder>();
        services.AddSingleton<ReportTemplates>();
        services.AddSingleton<ChromiumPdfPrinter>();
        services.AddSingleton<RatingFreshness>();
        services.AddSingleton<ReportRating>();
        services.AddSingleton<ReportRenderer>();
        services.AddSingleton<SelfAssessmentPack>();
        services.AddSingleton<InspectionSampler>();
        services.AddSingleton<ReportRunsTable>();
        services.AddSingleton<ReportDelivery>();
        services.AddSingleton<ReportRunner>();
        services.AddSingleton<ScheduledReports>();

        var options = builder.Configuration.GetSection("Reports").Get<ReportsOptions>() ?? new ReportsOptions();
        if (!options.ScheduleEnabled) return builder;
        services.AddQuartz(q =>
        {
            q.AddJob<MonthlyReportJob>(j => j.WithIdentity(ReportSchedule.MonthlyJob));
            q.AddJob<WeeklyDigestJob>(j => j.WithIdentity(ReportSchedule.WeeklyJob));
            q.AddJob<ReportCatchUpJob>(j => j.WithIdentity(ReportSchedule.CatchUpJob));
            q.AddTrigger(t => t.ForJob(ReportSchedule.MonthlyJob).WithIdentity("monthly-report-trigger", "reports")
                .WithSchedule(ReportSchedule.Cron(options.MonthlyCron)));
            q.AddTrigger(t => t.ForJob(ReportSchedule.WeeklyJob).WithIdentity("weekly-digest-trigger", "reports")
                .WithSchedule(ReportSchedule.Cron(options.WeeklyCron)));
            q.AddTrigger(t => t.ForJob(ReportSchedule.CatchUpJob).WithIdentity("catch-up-trigger", "reports").StartNow());
        });
        return builder;
    }
}
