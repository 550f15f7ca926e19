namespace DataPlatform.RegulatorBridge.Records;

/// <summary>What a record lacks. A one-of group is reported as <c>envListImage|licenseImage</c>.</summary>
public sealed record CompletenessResult(IReadOnlyList<string> MissingFields, IReadOnlyList<string> MissingImages)
{
    public bool IsComplete => MissingFields.Count == 0 && MissingImages.Count == 0;

    /// <summary>For the operator: 缺少字段 vin, registerDate；缺少图片 frontPhoto.</summary>
    public string Describe()
    {
        if (IsComplete)
            return "完整";
        var parts = new List<string>(2);
        if (MissingFields.Count > 0)
            parts.Add("缺少字段 " + string.Join(", ", MissingFields));
        if (MissingImages.Count > 0)
            parts.Add("缺少图片 " + string.Join(", ", MissingImages));
        return string.Join("；", parts);
    }
}
