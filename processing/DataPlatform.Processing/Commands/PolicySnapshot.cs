namespace DataPlatform.Processing.Commands;

/// <summary>The content of a snapshot file (see <see cref="PolicySnapshotFile"/>).</summary>
public sealed record PolicySnapshot(
    long Version,
    IReadOnlyDictionary<int, long> Offsets,
    IReadOnlyDictionary<int, string> Markers,
    IReadOnlyList<ControlCommand> Commands);
