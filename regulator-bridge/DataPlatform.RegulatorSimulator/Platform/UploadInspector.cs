using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorSimulator.Platform;

/// <summary>The platform's reading of an upload payload (pure). Two levels, as a regulator's platform works: a
/// payload that cannot be filed (no record id, no upload type, no gate/time/plate, an unreadable code) is refused;
/// a payload that can be filed but lacks mandatory fields or pictures is kept and marked incomplete, because the
/// completeness rate is computed from exactly those records.</summary>
internal static class UploadInspector
{
    /// <remarks><paramref name="knownFileId"/>: Whether a file id was issued by this platform (separate-upload
    /// pictures).</remarks>
    public static UploadInspection Inspect(CompiledProfile profile, RecordKind kind, string? data, Func<string, bool> knownFileId)
    {
        if (!TryReadFields(profile, data, out var fields, out var why))
            return UploadInspection.Refuse(why);
        string? Get(string id) => fields.TryGetValue(id, out var v) ? v : null;
        string W(string id) => profile.Fields.Wire(id);

        var recordId = Get(FieldIds.RecordId);
        if (recordId is null)
            return UploadInspection.Refuse($"缺少记录编号 {W(FieldIds.RecordId)}");
        if (recordId.Length > 128)
            return UploadInspection.Refuse($"记录编号超过 128 字符", recordId);

        var p = profile.Profile;
        var modeFlag = "";
        var mode = UploadMode.RealTime;
        if (kind != RecordKind.Image)
        {
            modeFlag = Get(FieldIds.UploadType) ?? "";
            if (modeFlag == p.RealTimeFlag)
                mode = UploadMode.RealTime;
            else if (modeFlag == p.BackfillFlag)
                mode = UploadMode.Backfill;
            else
                return UploadInspection.Refuse(modeFlag.Length == 0
                    ? $"缺少上传类型 {W(FieldIds.UploadType)}"
                    : $"上传类型 {Clip(modeFlag)} 无效，应为 {p.RealTimeFlag}（实时）或 {p.BackfillFlag}（补传）", recordId);
        }

        DateTimeOffset? eventTime = null;
        switch (kind)
        {
            case RecordKind.Passage:
                foreach (var id in new[] { FieldIds.GateId, FieldIds.Direction, FieldIds.PassTime, FieldIds.PlateNo, FieldIds.PlateColor })
                    if (Get(id) is null)
                        return UploadInspection.Refuse($"缺少关键字段 {W(id)}", recordId);
                if (Get(FieldIds.Direction) is not ("1" or "2"))
                    return UploadInspection.Refuse($"进出厂状态 {Clip(Get(FieldIds.Direction)!)} 无效，应为 1 或 2", recordId);
                if (!ChinaTimestamp.TryParse(Get(FieldIds.PassTime), p.DateTimeFormat, out var passTime))
                    return UploadInspection.Refuse($"{W(FieldIds.PassTime)} 时间 {Clip(Get(FieldIds.PassTime)!)} 格式错误，应为 {p.DateTimeFormat}", recordId);
                eventTime = passTime;
                break;
            case RecordKind.VehicleRegister:
                foreach (var id in new[] { FieldIds.PlateNo, FieldIds.PlateColor })
                    if (Get(id) is null)
                        return UploadInspection.Refuse($"缺少关键字段 {W(id)}", recordId);
                break;
            case RecordKind.InPlantVehicleRegister or RecordKind.NonRoadRegister:
                if (Get(FieldIds.EnvRegCode) is null)
                    return UploadInspection.Refuse($"缺少关键字段 {W(FieldIds.EnvRegCode)}", recordId);
                break;
            case RecordKind.Image:
                var imageKind = Get(FieldIds.ImageKind);
                if (imageKind is null || !FieldIds.Images.Contains(imageKind))
                    return UploadInspection.Refuse($"图片类型 {Clip(imageKind ?? "")} 无效", recordId);
                if (!IsBase64(Get(FieldIds.ImageData)))
                    return UploadInspection.Refuse($"图片数据 {W(FieldIds.ImageData)} 缺失或不是 Base64", recordId);
                break;
        }

        if (CodeProblem(profile, fields) is { } problem)
            return UploadInspection.Refuse(problem, recordId);

        var completeness = kind == RecordKind.Image
            ? new CompletenessResult([], [])
            : Completeness.Check(MandatoryFields.RuleFor(kind, p.Completeness), id => Has(profile, fields, id, knownFileId));
        return new UploadInspection(null, recordId, modeFlag, mode, Get(FieldIds.GateId), Get(FieldIds.LaneId), eventTime, completeness, fields);
    }

    /// <summary>The payload's top-level fields by field id, as text (strings unescaped, numbers and booleans as written).</summary>
    public static bool TryReadFields(CompiledProfile profile, string? data, out Dictionary<string, string> fields, out string why)
    {
        fields = new(StringComparer.Ordinal);
        why = "";
        if (string.IsNullOrWhiteSpace(data))
        {
            why = "缺少业务数据 data";
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(data, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                why = "业务数据 data 不是 JSON 对象";
                return false;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var text = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    JsonValueKind.Array or JsonValueKind.Object => property.Value.GetRawText(),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(text))
                    fields[profile.Fields.Id(property.Name)] = text.Trim();
            }
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            why = $"业务数据 data 不是有效的 JSON：{e.Message}";
            return false;
        }
    }

    private static string? CodeProblem(CompiledProfile profile, Dictionary<string, string> fields)
    {
        var codec = profile.Codec;
        string W(string id) => profile.Fields.Wire(id);
        if (fields.TryGetValue(FieldIds.PlateColor, out var color) && !codec.TryPlateColorFromWire(color, out _))
            return $"号牌颜色 {W(FieldIds.PlateColor)}={Clip(color)} 无法识别";
        if (fields.TryGetValue(FieldIds.EmissionStage, out var stage) && !codec.TryEmissionStageFromWire(stage, out _))
            return $"排放阶段 {W(FieldIds.EmissionStage)}={Clip(stage)} 无法识别";
        if (fields.TryGetValue(FieldIds.FuelType, out var fuel) && !codec.TryFuelTypeFromWire(fuel, out _))
            return $"燃料类型 {W(FieldIds.FuelType)}={Clip(fuel)} 无法识别";
        if (fields.TryGetValue(FieldIds.VehicleType, out var type) && !codec.TryVehicleTypeFromWire(type, out _))
            return $"车辆类型 {W(FieldIds.VehicleType)}={Clip(type)} 无法识别";
        return null;
    }

    private static bool Has(CompiledProfile profile, Dictionary<string, string> fields, string id, Func<string, bool> knownFileId)
    {
        if (!fields.TryGetValue(id, out var value))
            return false;
        if (id == FieldIds.PlateColor)
            return profile.Codec.TryPlateColorFromWire(value, out var color) && color != PlateColor.Unknown;
        if (FieldIds.Images.Contains(id))
            return profile.Profile.Pictures == PictureMode.SeparateUpload ? knownFileId(value) : IsBase64(value);
        return true;
    }

    private static bool IsBase64(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return false;
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out var n) && n > 0;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
