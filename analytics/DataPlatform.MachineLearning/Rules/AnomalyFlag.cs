using System.Security.Cryptography;
using System.Text;

namespace DataPlatform.MachineLearning.Rules;

/// <summary>The kinds of <c>anomaly_flags</c>, with their Chinese names.</summary>
public static class AnomalyKinds
{
    public const string ClonedPlate = "cloned-plate";
    public const string EntryWithoutExit = "entry-without-exit";
    public const string GuardOverride = "guard-override";
    public const string NeverWeighed = "never-weighed";
    public const string UnregisteredMachinery = "unregistered-machinery";
    public const string NightBurst = "night-burst";
    public const string SmokingRisk = "smoking-risk";

    public static IReadOnlyList<string> All { get; } = [ClonedPlate, EntryWithoutExit, GuardOverride, NeverWeighed, UnregisteredMachinery, NightBurst, SmokingRisk];

    public static string ChineseName(string kind) => kind switch
    {
        ClonedPlate => "套牌嫌疑",
        EntryWithoutExit => "有进无出",
        GuardOverride => "拒绝后人工放行",
        NeverWeighed => "货车从不过磅",
        UnregisteredMachinery => "未登记非道路机械作业",
        NightBurst => "夜间异常车流",
        SmokingRisk => "冒黑烟嫌疑",
        _ => kind,
    };
}

/// <summary>A raised flag before review: what <c>anomaly_flags</c> stores as version 1 (status open).</summary>
/// <remarks>
/// <para><paramref name="ModelKind"/>: <c>rule</c> for exact rules, else the <c>ml_models</c> kind.</para>
/// <para><paramref name="ModelVersion"/>: The rule id (e.g. <c>rule:cloned-plate/v1</c>) or the model version.</para>
/// </remarks>
public sealed record AnomalyFlag(
    string Kind, string EnterpriseId, string GateId, string Subject, DateTimeOffset ObservedFrom, DateTimeOffset ObservedTo,
    double Score, string ModelKind, string ModelVersion, string Title, string Detail,
    IReadOnlyList<Guid> PassageIds, IReadOnlyList<Guid> ReadingIds, IReadOnlyList<string> Pictures)
{
    /// <summary>From kind, enterprise, subject and what pins the occurrence (first evidence or window start), so
    /// re-running a rule over the same ledger raises the same flag.</summary>
    public Guid FlagId => IdFor(Kind, EnterpriseId, Subject, Occurrence
        ?? (PassageIds.Count > 0 ? PassageIds[0].ToString() : ObservedFrom.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>What pins the occurrence when the evidence does not (a model's daily score: the day).</summary>
    public string? Occurrence { get; init; }

    public static Guid IdFor(string kind, string enterprise, string subject, string occurrence)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"anomaly\n{kind}\n{enterprise}\n{subject}\n{occurrence}"), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
