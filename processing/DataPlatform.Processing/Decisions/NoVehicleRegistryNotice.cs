using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Processing.Decisions;

/// <summary>Says once at start that this processing host runs without gate decisions, so plate reads are reviewed
/// against an empty vehicle registry (<see cref="Commands.NoVehicleRegistry"/>).</summary>
public sealed class NoVehicleRegistryNotice(ILogger<NoVehicleRegistryNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("门禁判定未启用 (Processing:Decisions:Enabled=false): 车牌复核不对照车辆登记 (plate reads are reviewed against an empty vehicle registry)");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
