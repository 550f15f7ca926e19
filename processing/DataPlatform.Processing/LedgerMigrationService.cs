using DataPlatform.Ledger;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Processing;

/// <summary>Runs the ledger migrations before the consumers start (hosted services start in order).</summary>
public sealed class LedgerMigrationService(LedgerMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
