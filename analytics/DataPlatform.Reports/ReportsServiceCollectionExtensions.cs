using Microsoft.Extensions.Hosting;

namespace DataPlatform.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The analytics stage's reports: scheduled monthly reports and weekly digests, on-demand rendering.</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder) => builder;
}
