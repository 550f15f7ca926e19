using System.Globalization;
using System.Text.RegularExpressions;
using DataPlatform.Gate;

namespace DataPlatform.Devices.VehicleList;

/// <summary>Validates the fields a layout extracted and builds the <see cref="VehicleInfo"/>; shared so every
/// layout applies the same rules.</summary>
internal static partial class VehicleListFields
{
    private const int MaxTextLength = 100;
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyyMMdd", "yyyy/MM/dd", "yyyy/M/d", "yyyy年M月d日"];

    // "GB17691-2018国Ⅵ", "国Ⅵ(GB 17691-2018)": the list often prints the standard next to the stage.
    [GeneratedRegex("国\\s*([0-6]|[IVⅠⅡⅢⅣⅤⅥ]+|[〇零一二三四五六])\\s*([ab])?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StageInText();

    public static DeviceResult<VehicleInfo> Build(IReadOnlyDictionary<VehicleListField, string> fields, string layout)
    {
        string? Get(VehicleListField f) => fields.TryGetValue(f, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var number = Get(VehicleListField.DisclosureNumber);
        if (number is null)
            return Fail(RejectionCodes.MissingField, $"{layout}: 信息公开编号 (disclosure number) is missing");
        number = DeviceText.FoldCode(number).Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (number.Length is < 8 or > 40 || !number.All(char.IsAsciiLetterOrDigit))
            return Fail(RejectionCodes.InvalidField, $"{layout}: 信息公开编号 '{DeviceText.Clip(number)}' must be 8..40 letters and digits");

        var vinText = Get(VehicleListField.Vin);
        if (vinText is null)
            return Fail(RejectionCodes.MissingField, $"{layout}: VIN (车辆识别代号) is missing");
        if (!Vin.TryParse(vinText, out var vin, out var vinReason))
            return Fail(RejectionCodes.InvalidField, $"{layout}: {vinReason}");

        foreach (var f in (VehicleListField[])[VehicleListField.Model, VehicleListField.EngineModel, VehicleListField.EngineMaker, VehicleListField.Manufacturer])
            if (Get(f) is { } t && (t.Length > MaxTextLength || DeviceText.HasControlCharacters(t)))
                return Fail(RejectionCodes.InvalidField, $"{layout}: {f} must be at most {MaxTextLength} printable characters");

        EmissionStage? stage = null;
        if (Get(VehicleListField.EmissionStage) is { } stageText)
        {
            if (!TryStage(stageText, out var s))
                return Fail(RejectionCodes.UnknownCode, $"{layout}: emission stage '{DeviceText.Clip(stageText)}' is not a known stage");
            stage = s;
        }

        FuelType? fuel = null;
        if (Get(VehicleListField.Fuel) is { } fuelText)
        {
            if (!FuelType.TryParse(fuelText, out var ft, out var fuelReason))
                return Fail(RejectionCodes.UnknownCode, $"{layout}: {fuelReason}");
            fuel = ft;
        }

        DateOnly? produced = null;
        if (Get(VehicleListField.ProductionDate) is { } dateText)
        {
            if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                || d.Year is < 1990 or > 2100)
                return Fail(RejectionCodes.InvalidField, $"{layout}: production date '{DeviceText.Clip(dateText)}' is not a date (yyyy-MM-dd)");
            produced = d;
        }

        return DeviceResult<VehicleInfo>.Success(new VehicleInfo(number, vin,
            Get(VehicleListField.Model), Get(VehicleListField.EngineModel), Get(VehicleListField.EngineMaker),
            stage, fuel, Get(VehicleListField.Manufacturer), produced, layout));
    }

    // The exact text first; then the one stage named inside a longer text. Two different stages in one text
    // (a list printed for 国五/国六 variants) is ambiguous and refused.
    private static bool TryStage(string text, out EmissionStage stage)
    {
        if (EmissionStage.TryParse(text, out stage, out _))
            return true;
        var matches = StageInText().Matches(text);
        var found = new HashSet<EmissionStage>();
        foreach (Match m in matches)
            if (EmissionStage.TryParse("国" + m.Groups[1].Value + m.Groups[2].Value.ToLowerInvariant(), out var s, out _))
                found.Add(s);
        if (found.Count == 1)
        {
            stage = found.First();
            return true;
        }
        return false;
    }

    private static DeviceResult<VehicleInfo> Fail(string code, string reason) => DeviceResult<VehicleInfo>.Failure(code, reason);
}
