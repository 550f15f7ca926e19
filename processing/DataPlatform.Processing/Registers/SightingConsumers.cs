using Confluent.Kafka;
using DataPlatform.Gate;
using DataPlatform.Ledger;
using DataPlatform.Processing.Alarms;
using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Processing.Commands;
using DataPlatform.Processing.Consuming;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Registers;

/// <summary>Gate events → in-plant vehicle movements and non-road machinery entries/exits/work-area sightings.
/// A plate seen in a work area (the <c>gate.work-area</c> topic, or a gate listed in
/// <see cref="RegistersOptions.WorkAreaGates"/>) that no register knows, and the gate's registry does not know as a
/// road vehicle, is stored as an unregistered sighting and raises the <c>register:unregistered-*</c> alarm inputs.</summary>
public sealed class SightingRecorder(
    RegisteredPlates plates,
    IdempotentInserter inserter,
    RegisterSightingSettings settings,
    PolicyStore? registry = null,
    AlarmPipeline? alarms = null)
{
    public const string UnregisteredNonRoadRule = "register:unregistered-non-road";
    public const string UnregisteredInPlantRule = "register:unregistered-in-plant";
    public const string SeenOutcome = "seen";

    public async Task RecordAsync(IReadOnlyList<GateEvent> events, bool workAreaTopic, CancellationToken ct)
    {
        if (events.Count == 0) return;
        var known = await plates.FindAsync([.. events.Select(e => e.Plate.Text).Distinct()], ct);
        var movements = new List<SightingRow>();
        var sightings = new List<SightingRow>();
        var inputs = new List<AlarmInput>();
        foreach (var e in events)
        {
            var workArea = workAreaTopic || settings.WorkAreaGates.Contains(e.GateId);
            var kind = SightingRow.KindOf(e, workArea);
            if (known.TryGetValue((e.EnterpriseId, e.Plate.Text), out var entry))
            {
                var row = new SightingRow(SightingRow.IdFor(e), entry.NonRoad, true, e.EventId, e.EnterpriseId, entry.RegistrationCode,
                    e.Plate.Text, e.PlateColor.ToWireName(), entry.MachineryKind, entry.Stage, e.GateId, e.LaneId, kind,
                    SightingRow.Utc(e.PassTime), e.DeviceId ?? "");
                (entry.NonRoad ? sightings : movements).Add(row);
                continue;
            }
            if (!workArea || registry?.Current.Registry.Find(e.Plate, e.PlateColor) is not null) continue;
            sightings.Add(new SightingRow(SightingRow.IdFor(e), true, false, e.EventId, e.EnterpriseId, "", e.Plate.Text,
                e.PlateColor.ToWireName(), "", "", e.GateId, e.LaneId, kind, SightingRow.Utc(e.PassTime), e.DeviceId ?? ""));
            inputs.Add(Unregistered(e));
        }
        if (movements.Count > 0) await inserter.InsertNewAsync(SightingRow.Movements, movements, ct);
        if (sightings.Count > 0) await inserter.InsertNewAsync(SightingRow.Sightings, sightings, ct);
        if (alarms is not null && inputs.Count > 0) await alarms.HandleAsync(inputs, ct);
    }

    /// <summary>The alarm input of an unregistered plate in a work area: a road-vehicle type from the camera means
    /// an in-plant vehicle nobody registered; anything else is taken for non-road machinery.</summary>
    public static AlarmInput Unregistered(GateEvent e)
    {
        var roadType = e.VehicleType is { } t && t.Code.Length > 0 && t.Family is 'H' or 'Q' or 'B' or 'G' or 'K';
        var rule = roadType ? UnregisteredInPlantRule : UnregisteredNonRoadRule;
        var what = roadType ? "厂内运输车辆" : "非道路移动机械";
        var reason = $"作业区 {e.GateId} 发现未登记的{what} {e.Plate.Text}（{ChinaTime.From(e.PassTime):yyyy-MM-dd HH:mm:ss}）";
        return new AlarmInput(AlarmSources.Decision, "sighting:" + e.EventId, e.EnterpriseId, e.GateId, e.Plate.Text, e.PassTime,
            SeenOutcome, rule, e.PlateColor.ToWireName(), "", [reason],
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["plate"] = e.Plate.Text, ["gate"] = e.GateId, ["lane"] = e.LaneId, ["reason"] = reason, ["ruleText"] = reason,
                ["outcomeText"] = "发现", ["display"] = e.Plate.Text,
            });
    }
}

/// <summary><c>gate.raw</c> (group <see cref="RegistersOptions.GroupId"/>) → <see cref="SightingRecorder"/>: entries
/// and exits of registered machines and in-plant vehicles. Malformed events are the passage writer's to dead-letter.</summary>
public sealed class RegisterSightingConsumer(
    SightingRecorder recorder, RegisterSightingSettings settings, TimeProvider time, IOptions<KafkaOptions> kafka,
    ILogger<RegisterSightingConsumer> logger) : BatchConsumer(Topics.GateRaw, kafka, settings.Batching, logger)
{
    protected override Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct) =>
        recorder.RecordAsync(SightingEvents.Read(batch, time), workAreaTopic: false, ct);
}

/// <summary><c>gate.work-area</c> (group <see cref="RegistersOptions.GroupId"/><c>-work-area</c>) → <see cref="SightingRecorder"/>:
/// every event is a work-area sighting.</summary>
public sealed class WorkAreaSightingConsumer(
    SightingRecorder recorder, RegisterSightingSettings settings, TimeProvider time, IOptions<KafkaOptions> kafka,
    ILogger<WorkAreaSightingConsumer> logger) : BatchConsumer(Topics.WorkAreaSightings, kafka, settings.WorkAreaBatching, logger)
{
    protected override Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct) =>
        recorder.RecordAsync(SightingEvents.Read(batch, time), workAreaTopic: true, ct);
}

internal static class SightingEvents
{
    // Ingest validated them; a message that does not parse here is skipped (gate.raw's writer dead-letters it).
    public static List<GateEvent> Read(IReadOnlyList<ConsumeResult<string, byte[]>> batch, TimeProvider time) =>
        [.. batch.Select(m => GateEventCodec.Parse(m.Message.Value, time.GetUtcNow(), int.MaxValue).Event).OfType<GateEvent>()];
}

/// <summary>The sightings consumer's group and work-area gates, from <see cref="RegistersOptions"/>.</summary>
public sealed class RegisterSightingSettings(IOptions<ProcessingOptions> processing, IOptions<RegistersOptions> registers)
{
    public IOptions<ProcessingOptions> Batching { get; } = Options.Create(new ProcessingOptions
    {
        GroupId = registers.Value.GroupId,
        MaxBatchSize = processing.Value.MaxBatchSize,
        MaxBatchDelayMs = processing.Value.MaxBatchDelayMs,
        RetryDelayMs = processing.Value.RetryDelayMs,
    });

    /// <summary>The work-area topic's consumer: a group of its own, so the two consumers never share a rebalance.</summary>
    public IOptions<ProcessingOptions> WorkAreaBatching { get; } = Options.Create(new ProcessingOptions
    {
        GroupId = registers.Value.GroupId + "-work-area",
        MaxBatchSize = processing.Value.MaxBatchSize,
        MaxBatchDelayMs = processing.Value.MaxBatchDelayMs,
        RetryDelayMs = processing.Value.RetryDelayMs,
    });

    public IReadOnlySet<string> WorkAreaGates { get; } = new HashSet<string>(registers.Value.WorkAreaGates, StringComparer.Ordinal);
}
