using DataPlatform.Processing.Alarms;
using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Processing.Decisions;
using FsCheck;
using FsCheck.Fluent;
using DataPlatform.Streams;

namespace DataPlatform.Tests.Alarms;

/// <summary>Decisions and device events shaped like the real topics, for the evaluator properties.</summary>
public static class AlarmGenerators
{
    private static readonly DateTimeOffset Base = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static Gen<DateTimeOffset> Times { get; } =
        from seconds in Gen.Choose(0, 100_000_000)
        from ms in Gen.Choose(0, 999)
        select Base.AddSeconds(seconds).AddMilliseconds(ms);

    public static Gen<GateDecisionMessage> Decisions(Gen<DateTimeOffset> times) =>
        from eventId in Gen.Elements("e1", "e2", "cam01-000042", "x")
        from gate in Gen.Elements("G01", "G02")
        from plate in Gen.Elements("冀B12345", "冀B99999", "京A00001", "")
        from color in Gen.Elements("yellow", "blue", "unknown")
        from outcome in Gen.Elements("allow", "deny", "manual")
        from rule in Gen.Elements("blacklist", "policy:p-orange", "unknown-vehicle", "default-allow", "hazmat-booking", "exit-condition")
        from reasons in Gen.Elements<string[]>([], ["黑名单车辆"], ["车牌未识别，需人工核验"])
        from at in times
        select Decision(eventId, gate, plate, color, outcome, rule, reasons, at);

    public static Gen<DeviceEvent> DeviceEvents(Gen<DateTimeOffset> times) =>
        from kind in Gen.Elements("online", "offline", "auth_failed")
        from device in Gen.Elements("cam-01", "cam-02", "led-01")
        from id in Gen.Choose(0, 1000)
        from at in times
        select new DeviceEvent(new Guid(id, 0, 0, new byte[8]), kind, device, at, "设备状态变化", kind == "auth_failed" ? "签名错误" : null);

    public static Gen<AlarmInput> Inputs { get; } = Gen.OneOf(
        Decisions(Times).Select(AlarmInputs.FromDecision),
        DeviceEvents(Times).Select(AlarmInputs.FromDeviceEvent));

    public static GateDecisionMessage Decision(string eventId, string gate, string plate, string color, string outcome,
        string rule, string[] reasons, DateTimeOffset at) => new(
        eventId, DataPlatform.Processing.Passages.PassageIdentity.For("E1302001", gate, eventId), "E1302001", gate, "L1", 1,
        at, plate, color, outcome, outcome switch { "deny" => "禁止通行", "manual" => "人工核验", _ => "允许通行" },
        rule, "规则说明", $"{plate} 国四 常态", "国四", "常态", reasons, at, 1);
}
