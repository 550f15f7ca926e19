using DataPlatform.Analytics.Sql;
using DataPlatform.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>The analytics role: for now the SQL console over the ledger.</summary>
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.AddLedger();
        builder.Services.AddSingleton<SqlConsole>();
        return builder;
    }
}
