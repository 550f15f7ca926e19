using DataPlatform.Compliance.Vehicles;
using DataPlatform.Processing.Commands;
using DataPlatform.Streams;

namespace DataPlatform.Processing.Registers;

/// <summary>Feeds register records into the gate's registry the way every vehicle reaches it: a
/// <c>vehicle.register</c> command on <c>control.commands</c>, folded by every decision service into its
/// policy state (an identical vehicle is a no-op there, so re-publishing after a redelivery is harmless).</summary>
public sealed class RegistryCommandPublisher(SharedProducer producer)
{
    public Task PublishAsync(IEnumerable<(Guid VersionId, string EnterpriseId, RegisteredVehicle Vehicle)> vehicles, DateTimeOffset now, CancellationToken ct) =>
        Task.WhenAll(vehicles.Select(v =>
        {
            var command = new RegisterVehicleCommand("registry:" + v.VersionId.ToString("N"), v.Vehicle, now, v.EnterpriseId);
            return producer.ProduceAsync(Topics.ControlCommands, command.PartitionKey, ControlCommandCodec.Serialize(command), ct);
        }));
}
