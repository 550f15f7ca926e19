using ClickHouse.Driver;
using DataPlatform.Cli.Hosting;
using DataPlatform.Reports;
using DataPlatform.Ledger;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Analytics.IntegrationTests.Reports;

/// <summary>One synthetic October 2026 (20 k passages of E1, 2 k of E2, and their 5 months before) in a ledger
/// database of its own, shared by the report tests; hosts of the analytics role built on it (not started, so no
/// scheduler runs unless a test starts one).</summary>
public sealed class ReportLedgerFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _filled;

    public const string Enterprise = "E1302001";
    public const string OtherEnterprise = "E1302002";
    public const long Passages = 20_000;

    private EnginesFixture _engines = null!;
    private readonly List<IHost> _hosts = [];

    public string Database { get; } = "t_reports_" + Guid.NewGuid().ToString("N")[..8];

    public ClickHouseClient Client { get; private set; } = null!;

    public string Folder { get; } = Directory.CreateTempSubdirectory("dataplatform-reports-").FullName;

    public ReportPeriod October => ReportPeriod.Month(Enterprise, 2026, 10);

    /// <summary>A host of the analytics role on this ledger; <paramref name="settings"/> add to or override the defaults.</summary>
    public IHost Host(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ClickHouse:Endpoint"] = _engines.ClickHouse.Endpoint.ToString(),
            ["ClickHouse:Database"] = Database,
            ["Analytics:Urls"] = "http://127.0.0.1:0",
            ["Reports:Folder"] = Folder,
            ["Reports:ScheduleEnabled"] = "false",
            ["Reports:ClaimSettleMs"] = "300",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        var builder = DataPlatformHostingExtensions.CreateBuilder(all);
        TestLogging.Configure(builder.Logging);
        builder.AddDataPlatform(PlatformRole.Analytics);
        var host = builder.Build();
        _hosts.Add(host);
        return host;
    }

    public T Service<T>() where T : notnull => _hosts.Count == 0 ? Host().Services.GetRequiredService<T>() : _hosts[0].Services.GetRequiredService<T>();

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Fills the ledger on first use (xunit 2 gives class fixtures no collection fixture, so the test class
    /// passes the engines in).</summary>
    public async Task FillAsync(EnginesFixture engines)
    {
        await _gate.WaitAsync();
        try
        {
            if (_filled) return;
            _engines = engines;
            await FillCoreAsync();
            _filled = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task FillCoreAsync()
    {
        var host = Host();
        await host.Services.GetRequiredService<LedgerMigrator>().MigrateAsync(CancellationToken.None);
        Client = new ClickHouseClient(_engines.ClickHouse.ConnectionString + $";Database={Database}");
        await SyntheticLedger.FillMonthAsync(Client, Enterprise, 2026, 10, Passages);
        await SyntheticLedger.FillMonthAsync(Client, OtherEnterprise, 2026, 10, Passages / 10);
    }

    public async Task<long> ScalarAsync(string sql) =>
        Convert.ToInt64(await Client.ExecuteScalarAsync(sql, ClickHouseParameters.Of(("e", Enterprise)), null, CancellationToken.None));

    public Task DisposeAsync()
    {
        foreach (var host in _hosts) host.Dispose();
        Client?.Dispose();
        return Task.CompletedTask;
    }
}
