namespace DataPlatform.Gate;

/// <summary>重污染天气预警级别. Values grow with severity, so <c>level &gt;= AlertLevel.Orange</c> reads naturally.</summary>
public enum AlertLevel
{
    /// <summary>蓝色: only some cities use it.</summary>
    Blue = 1,

    /// <summary>黄色 → III级响应.</summary>
    Yellow = 2,

    /// <summary>橙色 → II级响应.</summary>
    Orange = 3,

    /// <summary>红色 → I级响应.</summary>
    Red = 4,
}
