namespace DataPlatform.Gate.Registers;

/// <summary>The audit diff of two versions of a register record (absent fields and empty values are the same
/// thing). Pure, so "a record diffed with itself is empty" and "applying the diff reproduces the new record"
/// can be checked as properties.</summary>
public static class RecordDiff
{
    /// <summary>The changed fields, ordered by name (ordinal).</summary>
    public static IReadOnlyList<FieldChange> Between(
        IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string> after)
    {
        before ??= new Dictionary<string, string>();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        names.UnionWith(before.Keys);
        names.UnionWith(after.Keys);
        var changes = new List<FieldChange>();
        foreach (var name in names)
        {
            var old = Value(before, name);
            var now = Value(after, name);
            if (!string.Equals(old, now, StringComparison.Ordinal))
                changes.Add(new FieldChange(name, old, now));
        }
        return changes;
    }

    /// <summary>Applies <paramref name="changes"/> to <paramref name="before"/>: fields set to null are removed.</summary>
    public static SortedDictionary<string, string> Apply(
        IReadOnlyDictionary<string, string>? before, IEnumerable<FieldChange> changes)
    {
        var result = Normalised(before);
        foreach (var change in changes)
        {
            if (change.After is { Length: > 0 } value) result[change.Field] = value;
            else result.Remove(change.Field);
        }
        return result;
    }

    /// <summary>The record without empty values, ordered by name: the form records are compared and stored in.</summary>
    public static SortedDictionary<string, string> Normalised(IReadOnlyDictionary<string, string>? fields)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (fields is null) return result;
        foreach (var (name, value) in fields)
            if (value is { Length: > 0 }) result[name] = value;
        return result;
    }

    private static string? Value(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value is { Length: > 0 } ? value : null;
}
