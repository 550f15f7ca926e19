namespace DataPlatform.Gate.Registers;

/// <summary>One field's change between two versions of a register record; null = absent.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
