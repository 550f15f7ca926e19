using System.Globalization;
using System.Text.Json;

namespace DataPlatform.Gate.Registers;

/// <summary>Reads a register record from its JSON object (string values, camelCase names of
/// <see cref="RegisterFields"/>), normalising codes and checking every field, then the stage/fuel rules. A
/// record is accepted whole or refused with one reason (code + Chinese text); unknown fields are refused, as a
/// misspelt field would otherwise silently be lost from the register.</summary>
public static class RegisterRecordReader
{
    /// <summary>Reads <paramref name="json"/>; <paramref name="ignored"/> names envelope fields the caller reads itself.</summary>
    public static (RegisterRecord? Record, Rejection? Rejection) Read(
        RegisterKind kind, string enterpriseId, JsonElement json, IReadOnlySet<string>? ignored = null)
    {
        if (json.ValueKind != JsonValueKind.Object)
            return Fail(RejectionCodes.BadJson, "登记内容须为 JSON 对象");
        var specs = RegisterFields.Of(kind).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (ignored?.Contains(property.Name) == true) continue;
            if (!specs.ContainsKey(property.Name))
                return Fail(RejectionCodes.InvalidField, $"未知字段“{Clip(property.Name)}”（{kind.ChineseName}登记不含此项）");
            if (raw.ContainsKey(property.Name))
                return Fail(RejectionCodes.DuplicateField, $"字段“{property.Name}”重复");
            if (property.Value.ValueKind == JsonValueKind.Null) continue;
            if (property.Value.ValueKind != JsonValueKind.String)
                return Fail(RejectionCodes.InvalidField, $"字段“{property.Name}”须为字符串");
            raw[property.Name] = property.Value.GetString()!.Trim();
        }
        return Read(kind, enterpriseId, raw);
    }

    /// <summary>Reads already-extracted values (the national platform's answer, tests).</summary>
    public static (RegisterRecord? Record, Rejection? Rejection) Read(
        RegisterKind kind, string enterpriseId, IReadOnlyDictionary<string, string> raw)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in RegisterFields.Of(kind))
        {
            var text = raw.TryGetValue(spec.Name, out var given) ? given.Trim() : "";
            if (text.Length == 0)
            {
                if (spec.Required) return Fail(RejectionCodes.MissingField, $"缺少必填字段“{spec.Name}”（{spec.ChineseName}）");
                continue;
            }
            if (Normalise(spec, text) is var (value, rejection) && rejection is not null)
                return (null, rejection);
            else fields[spec.Name] = value!;
        }
        EmissionStage.TryParse(fields[RegisterFields.Stage], out var stage, out _);
        FuelType.TryParse(fields[RegisterFields.Fuel], out var fuel, out _);
        if (StageFuelRules.Check(kind, stage, fuel) is { } inconsistent)
            return (null, inconsistent);
        if (kind != RegisterKind.Road && fields.ContainsKey(RegisterFields.PlateNo) && !fields.ContainsKey(RegisterFields.PlateColor))
            fields[RegisterFields.PlateColor] = PlateColor.Unknown.ToWireName();
        var key = kind == RegisterKind.Road
            ? $"{fields[RegisterFields.PlateNo]}/{fields[RegisterFields.PlateColor]}"
            : fields[RegisterFields.RegistrationCode];
        return (new RegisterRecord(kind, enterpriseId, key, fields), null);
    }

    private static (string? Value, Rejection? Rejection) Normalise(RegisterField spec, string text)
    {
        string Bad(string why) => $"字段“{spec.Name}”（{spec.ChineseName}）{why}";
        if (text.Length > spec.MaxLength)
            return (null, new(RejectionCodes.InvalidField, Bad($"超过 {spec.MaxLength} 个字符")));
        foreach (var c in text)
            if (char.IsControl(c) || char.IsSurrogate(c))
                return (null, new(RejectionCodes.InvalidField, Bad("含控制字符或不支持的字符")));
        switch (spec.Kind)
        {
            case RegisterValueKind.Code:
                foreach (var c in text)
                    if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c is >= '\u4e00' and <= '\u9fff'))
                        return (null, new(RejectionCodes.InvalidField, Bad($"只能包含字母、数字、汉字和“-”：{Clip(text)}")));
                return (text.ToUpperInvariant(), null);
            case RegisterValueKind.Date:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                       && date.Year >= 1950 && date.Year <= 2100
                    ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : (null, new(RejectionCodes.InvalidField, Bad($"须为 yyyy-MM-dd 格式的日期：{Clip(text)}")));
            case RegisterValueKind.Plate:
                return PlateNumber.TryParse(text, out var plate, out var plateWhy)
                    ? (plate.Text, null)
                    : (null, new(RejectionCodes.InvalidPlate, Bad($"不符合号牌编码规则：{plateWhy}")));
            case RegisterValueKind.PlateColor:
                return PlateColor.TryParse(text, out var color, out var colorWhy)
                    ? (color.ToWireName(), null) : (null, new(RejectionCodes.UnknownCode, Bad(colorWhy)));
            case RegisterValueKind.Vin:
                return Vin.TryParse(text, out var vin, out var vinWhy)
                    ? (vin.ToString(), null) : (null, new(RejectionCodes.InvalidField, Bad($"无效：{vinWhy}")));
            case RegisterValueKind.VehicleType:
                return VehicleType.TryParse(text, out var type, out var typeWhy)
                    ? (type.Code, null) : (null, new(RejectionCodes.UnknownCode, Bad(typeWhy)));
            case RegisterValueKind.Fuel:
                return FuelType.TryParse(text, out var fuel, out var fuelWhy)
                    ? (fuel.Code, null) : (null, new(RejectionCodes.UnknownCode, Bad(fuelWhy)));
            case RegisterValueKind.Stage:
                return EmissionStage.TryParse(text, out var stage, out var stageWhy)
                    ? (stage.InternalCode, null) : (null, new(RejectionCodes.UnknownCode, Bad(stageWhy)));
            case RegisterValueKind.MachineryKind:
                return NonRoadMachineryKind.TryParse(text, out var kind, out var kindWhy)
                    ? (kind.Code, null) : (null, new(RejectionCodes.UnknownCode, Bad(kindWhy)));
            case RegisterValueKind.UseNature:
                return UseNature.TryParse(text, out var nature, out var natureWhy)
                    ? (nature.Code, null) : (null, new(RejectionCodes.UnknownCode, Bad(natureWhy)));
            case RegisterValueKind.Picture:
                return text.StartsWith("sha256:", StringComparison.Ordinal) && text.Length == 71
                    ? (text, null) : (null, new(RejectionCodes.InvalidField, Bad("须为图片引用 sha256:…")));
            default:
                return (text, null);
        }
    }

    private static (RegisterRecord?, Rejection?) Fail(string code, string reason) => (null, new Rejection(code, reason));

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
