using DataPlatform.Ledger;
using DataPlatform.RegulatorBridge.Rates;
using DataPlatform.Streams;

namespace DataPlatform.RegulatorBridge.Status;

/// <summary>Rate findings and backlog state → bridge status events. Pure; ids are derived from (kind, gate,
/// subject), so the same finding reported every minute is recognisably one.</summary>
public static class BridgeFindings
{
    public static BridgeStatusEvent FromRate(RateFinding f, string enterpriseId, DateTimeOffset now)
    {
        var kind = f.Metric == RateMetric.Transmission ? BridgeStatusKinds.TransmissionRateLow : BridgeStatusKinds.CompletenessRateLow;
        var subject = $"{(f.Metric == RateMetric.Transmission ? "transmission" : "completeness")}:{f.Day:yyyy-MM-dd}";
        return new BridgeStatusEvent(Id(kind, f.GateId, subject), kind, now, enterpriseId, f.GateId, subject, f.Message, f.Value, f.Threshold);
    }

    /// <returns>null when the backlog is within both limits.</returns>
    public static BridgeStatusEvent? FromBacklog(long count, DateTimeOffset? oldest, int maxCount, TimeSpan maxAge, string enterpriseId, DateTimeOffset now)
    {
        var age = oldest is { } o ? now - o : TimeSpan.Zero;
        if (count <= maxCount && age <= maxAge)
            return null;
        var message = $"上传积压 {count} 条，最早一条已等待 {FormatAge(age)}（上限 {maxCount} 条 / {FormatAge(maxAge)}）";
        return new BridgeStatusEvent(Id(BridgeStatusKinds.UploadBacklog, "", "backlog"), BridgeStatusKinds.UploadBacklog, now, enterpriseId, "",
            "backlog", message, count, maxCount);
    }

    public static BridgeStatusEvent PlatformDown(DateTimeOffset since, string enterpriseId, DateTimeOffset now) =>
        new(Id(BridgeStatusKinds.PlatformDown, "", "platform"), BridgeStatusKinds.PlatformDown, now, enterpriseId, "", "platform",
            $"监管平台自 {since.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss} 起无法连接，记录将在恢复后补传", (now - since).TotalSeconds);

    private static Guid Id(string kind, string gate, string subject) => DeterministicGuid.For($"bridge-status\n{kind}\n{gate}\n{subject}");

    private static string FormatAge(TimeSpan age) =>
        age.TotalHours >= 1 ? $"{age.TotalHours:0.#} 小时" : age.TotalMinutes >= 1 ? $"{age.TotalMinutes:0} 分钟" : $"{age.TotalSeconds:0} 秒";
}
