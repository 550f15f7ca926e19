using DataPlatform.Cli.Hosting;
using DataPlatform.Processing.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Processing.Tests.Decisions;

/// <summary>The ledger writer's review check takes its registry from an explicit source (issue 10 item 5): the decision
/// service's live registry when decisions run, an empty one — said at start — when they are off.</summary>
public sealed class VehicleRegistrySourceTests
{
    [Theory]
    [InlineData(true, typeof(PolicyStore))]
    [InlineData(false, typeof(NoVehicleRegistry))]
    public void The_writer_s_registry_comes_from_the_decision_service_or_is_explicitly_empty(bool decisions, Type expected)
    {
        var state = Path.Combine(Path.GetTempPath(), "dataplatform-tests", "registry-source-" + Guid.NewGuid().ToString("N"), "policy.json");
        var builder = DataPlatformHostingExtensions.CreateBuilder(new Dictionary<string, string?>
        {
            ["Processing:Decisions:Enabled"] = decisions ? "true" : "false",
            ["Processing:Decisions:StatePath"] = state,
            ["Processing:Vehicles:0:PlateNo"] = "冀B12345",
            ["Processing:Vehicles:0:PlateColor"] = "yellow",
            ["Processing:Vehicles:0:Fuel"] = "B",
            ["Processing:Vehicles:0:Stage"] = "6",
        });
        builder.AddDataPlatform(PlatformRole.Processing);
        using var host = builder.Build();
        var source = host.Services.GetRequiredService<IVehicleRegistrySource>();
        Assert.IsType(expected, source);
        // With decisions on, the seed is in the registry the writer reads; with them off, nothing is.
        Assert.Equal(decisions ? 1 : 0, source.Registry.Count);
    }
}
