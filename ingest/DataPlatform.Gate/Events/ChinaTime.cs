namespace DataPlatform.Gate;

/// <summary>HJ 1321 records China time (UTC+8, no daylight saving), so a fixed offset is exact.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset From(DateTimeOffset time) => time.ToOffset(Offset);
}
