namespace DataPlatform.Compliance.Decisions;

/// <summary>A weighing of the vehicle as the exit gate knows it.</summary>
public sealed record WeighingSeen(DateTimeOffset Time, string? CargoName);
