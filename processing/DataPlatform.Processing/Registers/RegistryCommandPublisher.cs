using Confluent.Kafka;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Processing.Commands;
using DataPlatform.Streams;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Registers;

/// <summary>Feeds register records into the gate's registry the way every vehicle reaches it: a
/// <c>vehicle.register</c> command on <c>control.commands</c>, folded by every decision service into its
/// policy state (an identical vehicle is a no-op there, so re-publishing after a redelivery is harmless).</summary>
public sealed class RegistryCommandPublisher : IDisposable
{
    private readonly IProducer<string, byte[]> _producer;

    public RegistryCommandPublisher(IOptions<KafkaOptions> kafka)
    {
        var config = kafka.Value.Producer("registers");
        config.LingerMs = 5;
        _producer = new ProducerBuilder<string, byte[]>(config).Build();
    }

    public Task PublishAsync(IEnumerable<(Guid VersionId, string EnterpriseId, RegisteredVehicle Vehicle)> vehicles, DateTimeOffset now, CancellationToken ct) =>
        Task.WhenAll(vehicles.Select(v =>
        {
            var command = new RegisterVehicleCommand("registry:" + v.VersionId.ToString("N"), v.Vehicle, now, v.EnterpriseId);
            return _producer.ProduceAsync(Topics.ControlCommands,
                new Message<string, byte[]> { Key = command.PartitionKey, Value = ControlCommandCodec.Serialize(command) }, ct);
        }));

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
