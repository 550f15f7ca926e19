using DataPlatform.RegulatorBridge.Profiles;

namespace DataPlatform.RegulatorBridge.Records;

/// <summary>Which mandatory fields and required images a record lacks (spec §5 completeness). Pure.</summary>
public static class Completeness
{
    public static CompletenessResult Check(IUploadRecord record, CompletenessRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Check(MandatoryFields.RuleFor(record.Kind, rules), record.Has);
    }

    /// <param name="rule">See <see cref="MandatoryFields.Parse"/>.</param>
    /// <param name="has">Whether a field id has a value.</param>
    public static CompletenessResult Check(string rule, Func<string, bool> has)
    {
        ArgumentNullException.ThrowIfNull(has);
        var fields = new List<string>();
        var images = new List<string>();
        foreach (var group in MandatoryFields.Parse(rule))
        {
            if (group.Any(has))
                continue;
            var name = string.Join("|", group);
            if (group.All(FieldIds.Images.Contains))
                images.Add(name);
            else
                fields.Add(name);
        }
        return new CompletenessResult(fields, images);
    }
}
