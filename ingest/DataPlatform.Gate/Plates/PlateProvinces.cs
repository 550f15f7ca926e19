namespace DataPlatform.Gate;

/// <summary>The 31 mainland province abbreviations that start a civil plate.</summary>
public static class PlateProvinces
{
    public const string All = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    public static bool IsProvince(char c) => All.Contains(c, StringComparison.Ordinal);
}
