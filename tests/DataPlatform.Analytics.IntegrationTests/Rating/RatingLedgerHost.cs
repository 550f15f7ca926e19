using DataPlatform.Cli.Hosting;
using DataPlatform.Ledger;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Analytics.IntegrationTests.Rating;

/// <summary>A migrated ledger database of its own and the analytics services over it (not started: no listener,
/// no refresh job — the tests drive the refresher themselves).</summary>
public sealed class RatingLedgerHost : IAsyncDisposable
{
    private RatingLedgerHost(TestPlatform platform, IHost host)
    {
        Platform = platform;
        Host = host;
        Rows = new LedgerRows(platform.Client, platform.Database);
    }

    public TestPlatform Platform { get; }

    public IHost Host { get; }

    public LedgerRows Rows { get; }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public static async Task<RatingLedgerHost> CreateAsync(EnginesFixture engines)
    {
        var platform = TestPlatform.Create(engines);
        var settings = platform.Settings();
        settings["Analytics:Rating:RefreshEnabled"] = "false";
        var builder = DataPlatformHostingExtensions.CreateBuilder(settings);
        TestLogging.Configure(builder.Logging);
        builder.AddAnalytics();
        var host = builder.Build();
        await host.Services.GetRequiredService<LedgerMigrator>().MigrateAsync(CancellationToken.None);
        return new RatingLedgerHost(platform, host);
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Platform.DisposeAsync();
    }
}
