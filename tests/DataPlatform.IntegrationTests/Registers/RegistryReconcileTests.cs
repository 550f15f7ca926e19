using DataPlatform.Cli.Hosting;
using DataPlatform.Gate;
using DataPlatform.Processing.Commands;
using DataPlatform.Processing.Registers;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DataPlatform.Tests.Decisions.DecisionFixtures;

namespace DataPlatform.Tests.Registers;

/// <summary>The crash window between a register version reaching ClickHouse and its <c>vehicle.register</c>
/// reaching the gate: closed when processing starts, on the real engines.</summary>
[Collection(EnginesCollection.Name)]
public sealed class RegistryReconcileTests(EnginesFixture engines)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private const string Plate = "冀BR0201";

    [Fact]
    public async Task A_register_version_written_without_its_command_reaches_the_gate_when_processing_starts()
    {
        await using var platform = CreatePlatform(engines);
        foreach (var topic in new[] { Topics.RegistryChanges, Topics.Alarms, Topics.DeviceEvents })
            platform.Kafka.CreateTopic(topic, Topics.DefaultPartitions[topic]);

        // First run: the schema exists, the register is empty, the gate does not know the vehicle.
        var first = await platform.StartAsync(PlatformRole.Processing);
        var before = first.Services.GetRequiredService<PolicyStore>();
        await WaitUntilAsync(() => first.Services.GetRequiredService<ControlCommandConsumer>().CaughtUp, Within);
        Assert.Equal(0, await first.Services.GetRequiredService<RegistryReconciler>().ReconcileAsync(default));
        await platform.StopAsync(first);

        // The crash window: the version row is in ClickHouse, no vehicle.register was ever published.
        var versionId = Guid.NewGuid();
        await platform.Client.ExecuteNonQueryAsync(
            $"""
            INSERT INTO in_plant_vehicles (row_id, enterprise_id, registration_code, version, changed_at, source, operator_id,
                plate_no, plate_color, vin, vehicle_type, fuel, stage, owner, fields)
            VALUES ('{versionId}', '{Enterprise}', 'CN-R201', 1, now64(3), 'guard-booth', 'guard-01', '{Plate}', 'yellow', '', '',
                'B', '2', '本厂', map('registrationCode', 'CN-R201', 'plateNo', '{Plate}', 'plateColor', 'yellow', 'fuel', 'B',
                'stage', '2', 'owner', '本厂'))
            """);
        Assert.Null(before.Current.Registry.Find(PlateNumber.Parse(Plate), PlateColor.Yellow));

        // Second run: the reconciler publishes the missing vehicle; the gate decides with its stage.
        var second = await platform.StartAsync(PlatformRole.Processing);
        var store = second.Services.GetRequiredService<PolicyStore>();
        await WaitUntilAsync(() => store.Current.Registry.Find(PlateNumber.Parse(Plate), PlateColor.Yellow) is { IsInPlant: true }, Within);
        using var producer = Producer(platform);
        using var reader = DecisionReader(platform);
        await SendEventAsync(producer, Event("reconcile-1", Plate, DateTimeOffset.Now));
        var decision = WaitForDecision(reader, "reconcile-1", Within);
        Assert.NotEqual("unknown-vehicle", decision.RuleId);
        Assert.Contains("国二", decision.DisplayText);

        // Idempotent and cheap: asked again (on demand), nothing is missing and nothing changes.
        var version = store.Current.Version;
        Assert.Equal(0, await second.Services.GetRequiredService<RegistryReconciler>().ReconcileAsync(default));
        await Task.Delay(500);
        Assert.Equal(version, store.Current.Version);
    }

}
