using System.Text.RegularExpressions;

namespace DataPlatform.Reports.Inspection;

/// <summary>A sampled passage as stored.</summary>
public sealed record SampledRecord(Guid PassageId, string EventId, string GateId, string LaneId, int Direction, DateTime PassTime,
    string PlateNo, string PlateColor, string VehicleType, string DeviceId, IReadOnlyList<string> Pictures, string RecordHash);

/// <summary>Completeness and format of one record, as an inspector checks it: every required field present and
/// well-formed, at least one picture, the record sealed onto the hash chain.</summary>
public static partial class RecordCheck
{
    public static IReadOnlyList<string> Problems(SampledRecord r)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(r.PlateNo)) problems.Add("缺少车牌号");
        if (string.IsNullOrWhiteSpace(r.PlateColor)) problems.Add("缺少车牌颜色");
        if (string.IsNullOrWhiteSpace(r.GateId) || string.IsNullOrWhiteSpace(r.LaneId)) problems.Add("缺少出入口/车道");
        if (r.Direction is not (1 or 2)) problems.Add($"进出方向无效 ({r.Direction})");
        if (!VehicleTypeCode().IsMatch(r.VehicleType)) problems.Add($"车辆类型不符合 GA 24.4 ({r.VehicleType})");
        if (string.IsNullOrWhiteSpace(r.DeviceId)) problems.Add("缺少设备编号");
        if (r.Pictures.Count == 0) problems.Add("无通行照片");
        if (!Sha256Hex().IsMatch(r.RecordHash)) problems.Add("未封存（无记录哈希）");
        return problems;
    }

    [GeneratedRegex("^[A-Z][0-9A-Z]{2}$")]
    private static partial Regex VehicleTypeCode();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}
