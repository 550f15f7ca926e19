using DataPlatform.Gate;

namespace DataPlatform.Devices.VehicleList;

/// <summary>The list's own printed labels as "标签：值" pairs, one per line or separated by ';'/'；' — how QR
/// scanners return lists whose code carries the text of the list itself. Labels are those printed on the
/// 随车清单 (信息公开编号, 车辆识别代号, 车辆型号, 发动机型号, 发动机生产厂, 排放阶段, 燃料类型, 生产企业,
/// 生产日期) and their common variants; ':' or '：' separates label and value; unknown labels (检测机构 …)
/// are ignored.</summary>
public sealed class LabelledTextLayout : IVehicleListLayout
{
    private static readonly Dictionary<string, VehicleListField> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["信息公开编号"] = VehicleListField.DisclosureNumber,
        ["信息公开号"] = VehicleListField.DisclosureNumber,
        ["环保信息公开编号"] = VehicleListField.DisclosureNumber,
        ["车辆识别代号"] = VehicleListField.Vin,
        ["车辆识别代号(VIN)"] = VehicleListField.Vin,
        ["车辆识别代号（VIN）"] = VehicleListField.Vin,
        ["VIN"] = VehicleListField.Vin,
        ["车辆型号"] = VehicleListField.Model,
        ["发动机型号"] = VehicleListField.EngineModel,
        ["发动机生产厂"] = VehicleListField.EngineMaker,
        ["发动机生产企业"] = VehicleListField.EngineMaker,
        ["发动机制造商"] = VehicleListField.EngineMaker,
        ["排放阶段"] = VehicleListField.EmissionStage,
        ["燃料类型"] = VehicleListField.Fuel,
        ["燃料种类"] = VehicleListField.Fuel,
        ["生产企业"] = VehicleListField.Manufacturer,
        ["车辆生产企业"] = VehicleListField.Manufacturer,
        ["生产日期"] = VehicleListField.ProductionDate,
    };

    private static readonly char[] Separators = ['\n', '\r', ';', '；'];

    public string Name => "labelled-text";

    public bool Recognises(string text)
    {
        var t = text.TrimStart();
        return !t.StartsWith('{') && (t.Contains("信息公开编号：", StringComparison.Ordinal)
                                      || t.Contains("信息公开编号:", StringComparison.Ordinal));
    }

    public DeviceResult<VehicleInfo> Parse(string text)
    {
        var fields = new Dictionary<VehicleListField, string>();
        foreach (var raw in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = raw.IndexOfAny([':', '：']);
            if (colon <= 0)
                continue;
            var label = raw[..colon].Trim();
            if (!Labels.TryGetValue(label, out var field))
                continue;
            if (!fields.TryAdd(field, raw[(colon + 1)..].Trim()))
                return DeviceResult<VehicleInfo>.Failure(RejectionCodes.DuplicateField, $"{Name}: {label} is given twice");
        }
        return VehicleListFields.Build(fields, Name);
    }
}
