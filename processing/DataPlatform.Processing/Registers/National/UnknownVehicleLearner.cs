using System.Collections.Concurrent;
using Confluent.Kafka;
using DataPlatform.Gate;
using DataPlatform.Processing.Commands;
using DataPlatform.Processing.Consuming;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Registers.National;

/// <summary>
/// Looks up vehicles the gate did not know, off the decision path: it reads <c>gate.raw</c> in its own group,
/// so the decision for an unknown vehicle is made (as before) without waiting; a vehicle the national platform
/// knows is published as a road-register change on <c>registry.changes</c>, which writes the register and the
/// audit entry (source national-platform) and teaches the gate's registry for the next passage. A platform that
/// cannot be reached is logged and the plate asked again after <see cref="RetryAfter"/>.
/// </summary>
public sealed class UnknownVehicleLearner : BatchConsumer
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(10);

    private readonly INationalVehiclePlatform _platform;
    private readonly PolicyStore _registry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SharedProducer _producer;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _asked = new(StringComparer.Ordinal);
    private long _learnt;

    public UnknownVehicleLearner(INationalVehiclePlatform platform, PolicyStore registry, TimeProvider time,
        IOptions<KafkaOptions> kafka, IOptions<ProcessingOptions> processing, IOptions<RegistersOptions> registers,
        SharedProducer producer, ILogger<UnknownVehicleLearner> logger)
        : base(Topics.GateRaw, kafka, Options.Create(new ProcessingOptions
        {
            GroupId = registers.Value.GroupId + "-national",
            MaxBatchSize = processing.Value.MaxBatchSize,
            MaxBatchDelayMs = processing.Value.MaxBatchDelayMs,
            RetryDelayMs = processing.Value.RetryDelayMs,
        }), logger)
    {
        _platform = platform;
        _registry = registry;
        _time = time;
        _logger = logger;
        _producer = producer;
    }

    /// <summary>Vehicles learnt since start.</summary>
    public long Learnt => Interlocked.Read(ref _learnt);

    protected override async Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        foreach (var message in batch)
        {
            if (GateEventCodec.Parse(message.Message.Value, now, int.MaxValue).Event is not { } e) continue;
            if (_registry.Current.Registry.Find(e.Plate, e.PlateColor) is not null) continue;
            var asked = $"{e.EnterpriseId}/{e.Plate.Text}/{e.PlateColor.ToWireName()}";
            if (_asked.TryGetValue(asked, out var at) && now - at < RetryAfter) continue;
            _asked[asked] = now;
            NationalVehicleInfo? info;
            try
            {
                info = await _platform.LookupAsync(new NationalLookup(PlateNo: e.Plate.Text, PlateColor: e.PlateColor.ToWireName()), ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                _logger.LogWarning("全国机动车环保信息平台查询 {Plate} 失败：{Reason}", e.Plate.Text, ex.Message);
                continue;
            }
            if (info is null) continue;
            var (change, rejection) = NationalRecord.ToChange(e.EnterpriseId, e.Plate, e.PlateColor, info, now);
            if (change is null)
            {
                _logger.LogWarning("全国平台返回的 {Plate} 信息未通过校验，未登记：{Reason}", e.Plate.Text, rejection!.Reason);
                continue;
            }
            await _producer.ProduceAsync(Topics.RegistryChanges, change.PartitionKey, change.ToJson(), ct);
            Interlocked.Increment(ref _learnt);
        }
    }
}
