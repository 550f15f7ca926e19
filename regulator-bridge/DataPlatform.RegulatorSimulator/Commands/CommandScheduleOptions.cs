namespace DataPlatform.RegulatorSimulator;

/// <summary>Commands the simulated platform issues by itself, to every known enterprise. Zero intervals: off.</summary>
public sealed class CommandScheduleOptions
{
    /// <summary>A new blacklist entry (a plate from <see cref="BlacklistPlates"/>, in turn) every this often.</summary>
    public TimeSpan BlacklistInterval { get; set; }

    /// <summary>A new emergency measure every this often, cycling through 黄色/橙色/红色.</summary>
    public TimeSpan EmergencyMeasureInterval { get; set; }

    /// <summary>How long a scheduled measure stays valid from its issue time.</summary>
    public TimeSpan EmergencyMeasureDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Plates the scheduled blacklist cycles through, as "plate:colour" (colour name or code, e.g.
    /// 冀B12345:黄); comma-separated because the configuration binder appends to pre-filled lists.</summary>
    public string BlacklistPlates { get; set; } = "冀B12345:黄,冀E77821:黄,津C55012:黄,冀B6633D:渐变绿";

    /// <summary>The rule text of scheduled measures (spec §2.8).</summary>
    public string RuleText { get; set; } = "禁止国四及以下重型柴油货车进入";
}
