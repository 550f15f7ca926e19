using DataPlatform.Compliance.Fusion;

namespace DataPlatform.Processing.Fusion;

/// <summary>The ledger's fusion state of some lanes, as loaded: their passages from a pass time on, and where each
/// lane's load ends (<see cref="DateTime.MaxValue"/>: the lane's last passage).</summary>
public sealed record StoredLanes(IReadOnlyList<LaneGroup> Groups, IReadOnlyDictionary<string, DateTime> CoveredTo);
