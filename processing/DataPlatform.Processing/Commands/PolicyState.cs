using System.Collections.Immutable;
using DataPlatform.Compliance.Policies;
using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Processing.Commands;

/// <summary>What the gate decides with: one consistent pair of snapshots, swapped as a whole so a decision never
/// sees a policy change half applied.</summary>
/// <remarks>
/// <para><paramref name="Registry"/>: The configuration seed with <paramref name="Learnt"/> on top.</para>
/// <para><paramref name="Learnt"/>: Vehicles registered by <c>vehicle.register</c> commands; kept apart from the seed
/// so a restart re-applies the seed first and the newer command-learnt data wins, as it did before the restart.</para>
/// <para><paramref name="Version"/>: Number of commands that changed policies or registry; reported with every decision
/// so a decision can be traced to the state it was made with.</para>
/// <para><paramref name="Offsets"/>: Next offset to read per <c>control.commands</c> partition, i.e. how much of the
/// command log this state contains.</para>
/// <para><paramref name="Markers"/>: Per partition, a hash of the last message read: on resume the consumer checks that
/// the message before the stored offset is still that one, because an in-memory broker (standalone mode) or a
/// re-created topic restarts its offsets at 0 and resuming at the old offset would skip new commands.</para>
/// </remarks>
public sealed record PolicyState(
    PolicySet Policies,
    VehicleRegistry Registry,
    ImmutableDictionary<VehicleKey, RegisteredVehicle> Learnt,
    long Version,
    ImmutableDictionary<int, long> Offsets,
    ImmutableDictionary<int, string> Markers)
{
    public static PolicyState Initial(VehicleRegistry seed) =>
        new(PolicySet.Empty, seed, ImmutableDictionary<VehicleKey, RegisteredVehicle>.Empty, 0,
            ImmutableDictionary<int, long>.Empty, ImmutableDictionary<int, string>.Empty);
}
