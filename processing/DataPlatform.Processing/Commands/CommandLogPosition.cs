namespace DataPlatform.Processing.Commands;

/// <summary>Where a command was read: the next offset to read on its partition and a marker (hash) of it.</summary>
public readonly record struct CommandLogPosition(int Partition, long Next, string Marker);
