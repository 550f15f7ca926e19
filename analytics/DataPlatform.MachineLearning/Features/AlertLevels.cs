namespace DataPlatform.MachineLearning.Features;

/// <summary>Reads the heavy-pollution alert level from a gate decision's control status (门岗显示 "橙色预警管控中",
/// "红色预警", "常态"): 0 none, 1 blue, 2 yellow, 3 orange, 4 red.</summary>
public static class AlertLevels
{
    public static int FromControlStatus(string? status) => status switch
    {
        null or "" => 0,
        _ when status.Contains("红色", StringComparison.Ordinal) => 4,
        _ when status.Contains("橙色", StringComparison.Ordinal) => 3,
        _ when status.Contains("黄色", StringComparison.Ordinal) => 2,
        _ when status.Contains("蓝色", StringComparison.Ordinal) => 1,
        _ => 0,
    };
}
