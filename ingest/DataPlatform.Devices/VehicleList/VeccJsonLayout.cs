using System.Text;
using System.Text.Json;
using DataPlatform.Gate;

namespace DataPlatform.Devices.VehicleList;

/// <summary>A JSON object keyed by the field names of the national motor-vehicle environmental information
/// disclosure system (机动车环保信息公开, run by VECC) as they appear in manufacturers' list-printing and upload
/// software: en_xxgkbh 信息公开编号, en_clsbdh VIN (also en_vin), en_clxh 车辆型号, en_fdjxh 发动机型号,
/// en_zzsmc 发动机制造商名称, en_pfjd 排放阶段, en_scrq 生产日期; for fuel and the vehicle manufacturer no public
/// key was found, so en_rlzl 燃料种类 and en_scqy 生产企业 are this project's [P]. Other keys are ignored.</summary>
public sealed class VeccJsonLayout : IVehicleListLayout
{
    private static readonly Dictionary<string, VehicleListField> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en_xxgkbh"] = VehicleListField.DisclosureNumber,
        ["en_clsbdh"] = VehicleListField.Vin,
        ["en_vin"] = VehicleListField.Vin,
        ["en_clxh"] = VehicleListField.Model,
        ["en_fdjxh"] = VehicleListField.EngineModel,
        ["en_zzsmc"] = VehicleListField.EngineMaker,
        ["en_pfjd"] = VehicleListField.EmissionStage,
        ["en_rlzl"] = VehicleListField.Fuel,
        ["en_scqy"] = VehicleListField.Manufacturer,
        ["en_scrq"] = VehicleListField.ProductionDate,
    };

    public string Name => "vecc-json";

    public bool Recognises(string text)
    {
        var t = text.TrimStart();
        return t.StartsWith('{') && t.Contains("\"en_xxgkbh\"", StringComparison.OrdinalIgnoreCase);
    }

    public DeviceResult<VehicleInfo> Parse(string text)
    {
        var fields = new Dictionary<VehicleListField, string>();
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetBytes(text), new JsonDocumentOptions { MaxDepth = 4 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return DeviceResult<VehicleInfo>.Failure(RejectionCodes.BadJson, $"{Name}: not a JSON object");
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (!Keys.TryGetValue(p.Name, out var field))
                    continue;
                if (p.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    return DeviceResult<VehicleInfo>.Failure(RejectionCodes.InvalidField, $"{Name}: '{p.Name}' must be a string");
                if (p.Value.GetString() is not { } value)
                    continue;
                if (!fields.TryAdd(field, value))
                    return DeviceResult<VehicleInfo>.Failure(RejectionCodes.DuplicateField, $"{Name}: {field} is given twice");
            }
        }
        catch (JsonException e)
        {
            return DeviceResult<VehicleInfo>.Failure(RejectionCodes.BadJson, $"{Name}: not JSON: {DeviceText.Clip(e.Message)}");
        }
        return VehicleListFields.Build(fields, Name);
    }
}
