namespace DataPlatform.Gate.Registers;

/// <summary>One version of a register record: the normalised fields (codes, not names; empty values absent),
/// keyed by <see cref="Key"/> within the enterprise.</summary>
/// <remarks><paramref name="Key"/>: The registration code, or for <see cref="RegisterKind.Road"/> the plate with its
/// colour (<c>冀B12345/yellow</c>).</remarks>
public sealed record RegisterRecord(RegisterKind Kind, string EnterpriseId, string Key, SortedDictionary<string, string> Fields)
{
    public string? this[string field] => Fields.TryGetValue(field, out var value) ? value : null;

    public static string RoadKey(PlateNumber plate, PlateColor color) => $"{plate.Text}/{color.ToWireName()}";

    public bool Equals(RegisterRecord? other) =>
        other is not null && Kind == other.Kind && EnterpriseId == other.EnterpriseId && Key == other.Key
        && RecordDiff.Between(Fields, other.Fields).Count == 0;

    public override int GetHashCode() => HashCode.Combine(Kind, EnterpriseId, Key, Fields.Count);
}
