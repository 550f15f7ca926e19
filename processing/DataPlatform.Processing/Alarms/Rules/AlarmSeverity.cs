namespace DataPlatform.Processing.Alarms.Rules;

/// <summary>Wire names of alarm severities; strings rather than an enum so configuration and the table read alike.</summary>
public static class AlarmSeverity
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";

    public static bool IsKnown(string value) => value is Info or Warning or Critical;

    /// <summary>提示 / 警告 / 严重, for operator screens.</summary>
    public static string ChineseText(string value) => value switch
    {
        Info => "提示",
        Warning => "警告",
        Critical => "严重",
        _ => value,
    };
}
