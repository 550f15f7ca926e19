using DataPlatform.Ledger;
using DataPlatform.RegulatorBridge.Transports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataPlatform.RegulatorBridge.Hosting;

/// <summary>Applies the ledger migrations (the bridge's tables are 0020–0023) when the bridge runs on its own, opens
/// the transport, then lets the bridge's services start working. Hosted services start in order, so this runs first.</summary>
public sealed class BridgeStartup(BridgeContext bridge, LedgerMigrator migrator, IOptions<RegulatorBridgeOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (options.Value.Migrate)
                await migrator.MigrateAsync(cancellationToken);
            await bridge.Client.Transport.StartAsync(cancellationToken);
            bridge.MarkReady();
        }
        catch (Exception e)
        {
            bridge.MarkFailed(e);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await bridge.Client.Transport.DisposeAsync();
}
