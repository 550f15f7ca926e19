using System.Globalization;
using DataPlatform.Gate;

namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>A profile's code mappings, compiled. <c>ToWire</c> then <c>TryFromWire</c> gives back the value,
/// except where the regulator's code table is coarser than ours (国六a/b upload as 6; the alternate plate-colour
/// numbering has one green and no 蓝白渐变): then it gives back <c>Canonical(value)</c>, and writing that again
/// yields the same wire code.</summary>
public sealed class ProfileCodec
{
    private readonly PlateColorStyle _plateColorStyle;
    private readonly Bijection _stage;
    private readonly Bijection _fuel;
    private readonly Dictionary<string, string> _vehicleToWire;
    private readonly Dictionary<string, string> _vehicleFromWire;

    /// <exception cref="ArgumentException">an override breaks one-to-one mapping; see <see cref="Problems"/>.</exception>
    public ProfileCodec(CodeMappings codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var problems = Problems(codes).ToList();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join("; ", problems), nameof(codes));
        _plateColorStyle = codes.PlateColor;
        _stage = new Bijection(UploadStageCodes, codes.EmissionStage);
        _fuel = new Bijection(FuelType.All.Select(f => f.Code), codes.FuelType);
        _vehicleToWire = new(codes.VehicleType, StringComparer.Ordinal);
        _vehicleFromWire = codes.VehicleType.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
    }

    public PlateColorStyle PlateColorStyle => _plateColorStyle;

    /// <summary>Whether the plate colour goes on the wire as a JSON number.</summary>
    public bool PlateColorIsNumeric => _plateColorStyle is PlateColorStyle.Jtt697Number or PlateColorStyle.AlternateNumber;

    public string PlateColorToWire(PlateColor color) => _plateColorStyle switch
    {
        PlateColorStyle.Jtt697Number => color.ToNumber(PlateColorConvention.Jtt697).ToString(CultureInfo.InvariantCulture),
        PlateColorStyle.AlternateNumber => color.ToNumber(PlateColorConvention.Alternate).ToString(CultureInfo.InvariantCulture),
        PlateColorStyle.ChineseName => color.ChineseName,
        PlateColorStyle.EnglishCode => color.Code,
        _ => throw new InvalidOperationException($"plate colour style {_plateColorStyle} is not defined"),
    };

    public bool TryPlateColorFromWire(string? wire, out PlateColor color)
    {
        color = PlateColor.Unknown;
        if (string.IsNullOrWhiteSpace(wire))
            return false;
        return _plateColorStyle switch
        {
            PlateColorStyle.Jtt697Number => int.TryParse(wire, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                && PlateColor.TryFromNumber(n, PlateColorConvention.Jtt697, out color),
            PlateColorStyle.AlternateNumber => int.TryParse(wire, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                && PlateColor.TryFromNumber(n, PlateColorConvention.Alternate, out color),
            // Text styles accept any name or alias: regulators write 蓝 and 蓝色 alike.
            _ => PlateColor.TryParse(wire, out color, out _),
        };
    }

    public string EmissionStageToWire(EmissionStage stage) => _stage.ToWire(stage.Code);

    public bool TryEmissionStageFromWire(string? wire, out EmissionStage stage)
    {
        stage = default;
        return _stage.TryFromWire(wire, out var code) && EmissionStage.TryParse(code, out stage, out _);
    }

    public string FuelTypeToWire(FuelType fuel) => _fuel.ToWire(fuel.Code);

    public bool TryFuelTypeFromWire(string? wire, out FuelType fuel)
    {
        fuel = default;
        return _fuel.TryFromWire(wire, out var code) && FuelType.TryParse(code, out fuel, out _);
    }

    public string VehicleTypeToWire(VehicleType type) =>
        _vehicleToWire.TryGetValue(type.Code, out var wire) ? wire : type.Code;

    public bool TryVehicleTypeFromWire(string? wire, out VehicleType type)
    {
        type = default;
        if (string.IsNullOrEmpty(wire))
            return false;
        if (_vehicleFromWire.TryGetValue(wire, out var code))
            return VehicleType.TryParse(code, out type);
        // A code that is itself overridden must not be read as itself: it now means something else.
        return !_vehicleToWire.ContainsKey(wire) && VehicleType.TryParse(wire, out type);
    }

    /// <summary>What a colour reads back as through this profile.</summary>
    public PlateColor Canonical(PlateColor color) =>
        TryPlateColorFromWire(PlateColorToWire(color), out var back) ? back : color;

    /// <summary>Why a set of overrides is not one-to-one (empty when it is).</summary>
    public static IEnumerable<string> Problems(CodeMappings codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (!Enum.IsDefined(codes.PlateColor))
            yield return $"plate colour style {codes.PlateColor} is not defined";
        foreach (var p in Bijection.Problems("emission stage", UploadStageCodes, codes.EmissionStage))
            yield return p;
        foreach (var p in Bijection.Problems("fuel type", FuelType.All.Select(f => f.Code), codes.FuelType))
            yield return p;
        foreach (var (from, to) in codes.VehicleType)
        {
            if (!VehicleType.TryParse(from, out var parsed) || parsed.Code != from)
                yield return $"vehicle type override key '{from}' is not a GA 24.4 code";
            if (string.IsNullOrEmpty(to))
                yield return $"vehicle type override of '{from}' is empty";
            else if (!codes.VehicleType.ContainsKey(to) && VehicleType.TryParse(to, out var clash) && clash.Code == to && to != from)
                yield return $"vehicle type override '{from}' → '{to}' collides with the unmapped code '{to}'";
        }
        foreach (var group in codes.VehicleType.GroupBy(kv => kv.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
            yield return $"vehicle types {string.Join(", ", group.Select(kv => kv.Key))} all map to '{group.Key}'";
    }

    // 6a and 6b are internal sub-stages; the closed set of upload codes is what a regulator can receive.
    private static IEnumerable<string> UploadStageCodes => EmissionStage.All.Select(s => s.Code).Distinct(StringComparer.Ordinal);

    /// <summary>A closed code table with overrides; one-to-one by construction (checked in <see cref="Problems"/>).</summary>
    private sealed class Bijection
    {
        private readonly Dictionary<string, string> _toWire = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _fromWire = new(StringComparer.Ordinal);

        public Bijection(IEnumerable<string> codes, IReadOnlyDictionary<string, string> overrides)
        {
            foreach (var code in codes)
            {
                var wire = overrides.TryGetValue(code, out var o) ? o : code;
                _toWire[code] = wire;
                _fromWire[wire] = code;
            }
        }

        public string ToWire(string code) => _toWire.TryGetValue(code, out var wire) ? wire : code;

        public bool TryFromWire(string? wire, out string code)
        {
            code = "";
            if (string.IsNullOrEmpty(wire))
                return false;
            if (!_fromWire.TryGetValue(wire.Trim(), out var found))
                return false;
            code = found;
            return true;
        }

        public static IEnumerable<string> Problems(string table, IEnumerable<string> codes, IReadOnlyDictionary<string, string> overrides)
        {
            var known = codes.ToList();
            foreach (var key in overrides.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)))
                yield return $"{table} override key '{key}' is not an upload code ({string.Join(" ", known)})";
            foreach (var (key, value) in overrides.Where(kv => string.IsNullOrEmpty(kv.Value)))
                yield return $"{table} override of '{key}' is empty";
            var wires = known.Select(c => (Code: c, Wire: overrides.TryGetValue(c, out var o) ? o : c));
            foreach (var group in wires.GroupBy(w => w.Wire, StringComparer.Ordinal).Where(g => g.Count() > 1))
                yield return $"{table} codes {string.Join(", ", group.Select(w => w.Code))} all map to '{group.Key}'";
        }
    }
}
