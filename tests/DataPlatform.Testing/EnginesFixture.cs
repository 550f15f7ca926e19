using Xunit;
using DataPlatform.Engines.ClickHouse;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>
/// One embedded ClickHouse for the whole test assembly: chDB allows one data directory per process. Tests stay
/// apart by using their own ledger database and their own Kafka mock cluster (cheap to start).
/// </summary>
public sealed class EnginesFixture : IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "dataplatform-tests", Guid.NewGuid().ToString("N"));

    public EmbeddedClickHouse ClickHouse { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ClickHouse = await EmbeddedClickHouse.StartAsync(new EmbeddedClickHouseOptions { DataPath = _dataPath, Port = 0 });
    }

    public async Task DisposeAsync()
    {
        // The data folder stays: chDB keeps it open until the process ends, and deleting it under the running
        // engine made the test host crash at exit now and then.
        await ClickHouse.DisposeAsync();
    }
}
