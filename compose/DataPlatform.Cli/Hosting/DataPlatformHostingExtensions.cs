using DataPlatform.Analytics;
using DataPlatform.Cli.Standalone;
using DataPlatform.Cockpit;
using DataPlatform.Ingest;
using DataPlatform.MachineLearning;
using DataPlatform.Processing;
using DataPlatform.RegulatorBridge;
using DataPlatform.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Cli.Hosting;

/// <summary>The one wiring point: configuration sources, then each requested stage's <c>Add&lt;Stage&gt;</c>.</summary>
public static class DataPlatformHostingExtensions
{
    /// <summary>A host builder reading <c>appsettings.json</c> next to the executable, then environment variables
    /// (<c>Kafka__BootstrapServers</c> or <c>DATAPLATFORM_Kafka__BootstrapServers</c>), then <paramref name="overrides"/>.</summary>
    public static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Configuration.AddEnvironmentVariables("DATAPLATFORM_");
        // A local standalone's ClickHouse users, below every given setting (appsettings.json and environment win).
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LocalClickHouseCredentials() });
        // Several writers share the `processing` consumer group: closed one after another, each departure set off
        // a rebalance the next close waited for (16 s to stop standalone). Closed together, the group just ends.
        builder.Services.Configure<HostOptions>(o => o.ServicesStopConcurrently = true);
        // Quartz logs ~15 lines of its own set-up at Information on every start; its warnings and errors still show.
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
        return builder;
    }

    private static IEnumerable<KeyValuePair<string, string?>> LocalClickHouseCredentials() =>
        ClickHouseCredentials.TryLoad(ClickHouseCredentials.LocalDataDirectory())?.Settings ?? new Dictionary<string, string?>();

    public static IHostApplicationBuilder AddDataPlatform(this IHostApplicationBuilder builder, PlatformRole roles)
    {
        // Processing first: its schema migrations must finish before anything reads or writes the ledger.
        if (roles.HasFlag(PlatformRole.Processing)) builder.AddProcessing();
        if (roles.HasFlag(PlatformRole.Ingest)) builder.AddIngest();
        if (roles.HasFlag(PlatformRole.Analytics))
        {
            // The analytics stage: its core (SQL, rating, HTTP listener, scheduler), then the parts built on it.
            builder.AddAnalytics();
            builder.AddReports();
            builder.AddMachineLearning();
            builder.AddCockpit();
        }
        if (roles.HasFlag(PlatformRole.Bridge)) builder.AddRegulatorBridge();
        return builder;
    }
}
