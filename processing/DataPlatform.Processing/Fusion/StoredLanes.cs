using DataPlatform.Compliance.Fusion;

namespace DataPlatform.Processing.Fusion;

/// <summary>The ledger's fusion state of some lanes, as loaded: their passages from a pass time on, and the lanes whose
/// load stopped at its row limit (<see cref="LaneGroupStore.MaxPerLane"/>) before the lane's last passage.</summary>
public sealed record StoredLanes(IReadOnlyList<LaneGroup> Groups, IReadOnlySet<string> Truncated);
