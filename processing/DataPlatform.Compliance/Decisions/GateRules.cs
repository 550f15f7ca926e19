namespace DataPlatform.Compliance.Decisions;

/// <summary>The fixed rules of <see cref="GateDecider"/>; emergency policies fire as <c>policy:&lt;id&gt;</c>.</summary>
public static class GateRules
{
    public static FiredRule Blacklist { get; } = new("blacklist", "黑名单车辆禁止进厂");

    public static FiredRule HazmatWithoutBooking { get; } = new("hazmat-booking", "危险品运输车辆(使用性质R)须预约后进厂");

    public static FiredRule UnknownVehicle { get; } = new("unknown-vehicle", "未登记车辆：管控期间须人工核验排放阶段");

    public static FiredRule DefaultAllow { get; } = new("default-allow", "无适用的限制规则，允许通行");

    public static FiredRule ExitCondition { get; } = new("exit-condition", "出厂条件：已过磅且预约已关闭");
}
