using System.Globalization;
using DataPlatform.Gate;

namespace DataPlatform.Ingest.Adapters;

/// <summary>
/// Vendor vocabularies → the gate vocabulary. Plate colours: Hikvision ISAPI names (blue, yellow, white, black,
/// green, civilAviation…, other, unknown), Dahua names (Blue, Yellow, ShadowGreen, YellowGreen, …), and Chinese
/// text (蓝, 黄色 …). Vehicle classes: the vendors' own body/size classes, mapped to the GA 24.4 family they
/// certainly belong to (LargeTruck → H1 重型货车); a class that does not fix a family (truck, vehicle, unknown)
/// maps to "not given", because vehicle type is optional and a guess would be worse than nothing.
/// </summary>
public static class VendorCodes
{
    private static readonly Dictionary<string, PlateColor> Colors = new(StringComparer.OrdinalIgnoreCase)
    {
        ["blue"] = PlateColor.Blue,
        ["yellow"] = PlateColor.Yellow,
        ["white"] = PlateColor.White,
        ["black"] = PlateColor.Black,
        ["green"] = PlateColor.Green,
        ["shadowGreen"] = PlateColor.Green,
        ["newEnergyGreen"] = PlateColor.Green,
        ["yellowGreen"] = PlateColor.YellowGreen,
        ["greenYellow"] = PlateColor.YellowGreen,
        ["newEnergyYellowGreen"] = PlateColor.YellowGreen,
        ["blueWhite"] = PlateColor.BlueWhite,
        ["civilAviationBlack"] = PlateColor.Black,
        ["civilAviationGreen"] = PlateColor.Green,
        ["other"] = PlateColor.Unknown,
        ["others"] = PlateColor.Unknown,
        ["unknown"] = PlateColor.Unknown,
        ["unknow"] = PlateColor.Unknown,
    };

    private static readonly Dictionary<string, string> VehicleClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        // Hikvision ISAPI vehicleType values.
        ["largeBus"] = "K1", ["mediumBus"] = "K2", ["smallCar"] = "K3", ["SUVMPV"] = "K3", ["miniCar"] = "K4",
        ["pickupTruck"] = "H3", ["lightTruck"] = "H3", ["mediumTruck"] = "H2", ["heavyTruck"] = "H1",
        ["threeWheelVehicle"] = "N1",
        // Dahua ITC vehicle classes.
        ["LargeTruck"] = "H1", ["Oversize"] = "H1", ["Huge"] = "H1", ["MidTruck"] = "H2", ["MicroTruck"] = "H4",
        ["Pickup"] = "H3", ["Bus"] = "K1", ["LargeBus"] = "K1", ["MidBus"] = "K2", ["MiniBus"] = "K4",
        ["SaloonCar"] = "K3", ["SUV"] = "K3", ["MPV"] = "K3", ["Microbus"] = "K4", ["Tricycle"] = "N1",
        // Chinese body classes some firmwares print.
        ["重型货车"] = "H1", ["中型货车"] = "H2", ["轻型货车"] = "H3", ["微型货车"] = "H4",
        ["大型客车"] = "K1", ["中型客车"] = "K2", ["小型客车"] = "K3", ["微型客车"] = "K4",
        ["重型半挂牵引车"] = "Q11", ["三轮汽车"] = "N11",
    };

    /// <summary>A vendor colour name or Chinese text → colour; false for anything else (rejected, not guessed).</summary>
    public static bool TryPlateColor(string? text, out PlateColor color)
    {
        color = PlateColor.Unknown;
        if (string.IsNullOrWhiteSpace(text)) return true; // not reported: 未确定
        return Colors.TryGetValue(text.Trim(), out color) || PlateColor.TryParse(text, out color, out _);
    }

    /// <summary>Large new-energy plates are always 黄绿双拼; cameras often report them simply as green.</summary>
    public static PlateColor Reconcile(PlateColor reported, PlateNumber plate) =>
        reported == PlateColor.Green && plate.Kind == PlateKind.LargeNewEnergy ? PlateColor.YellowGreen : reported;

    /// <summary>A vendor class → GA 24.4 code, a GA code sent as-is (H11), or null when it fixes nothing.</summary>
    public static VehicleType? VehicleTypeOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var key = text.Trim();
        if (VehicleClasses.TryGetValue(key, out var code)) return VehicleType.Parse(code);
        // Only accept a literal GA code when its second character is a digit: vendor words such as "bus" or
        // "MPV" would otherwise parse as the codes of unrelated families.
        return key.Length is 2 or 3 && char.IsAsciiLetter(key[0]) && char.IsAsciiDigit(key[1]) && VehicleType.TryParse(key, out var type)
            ? type
            : null;
    }

    /// <summary>Camera direction words → direction (only used when the device has no configured direction):
    /// towards the camera (forward, Obverse, Approach) is taken as entering.</summary>
    public static Direction? DirectionOf(string? text)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "":
                return null;
            case "forward" or "obverse" or "approach" or "in":
                return Direction.In;
            case "reverse" or "leave" or "out":
                return Direction.Out;
            default:
                return Direction.TryParse(text, out var d, out _) ? d : null;
        }
    }

    /// <summary>Camera times: ISO 8601 with or without offset, "yyyy-MM-dd HH:mm:ss[.fff]", or Hikvision's
    /// compact absTime "yyyyMMddHHmmss[fff]". Without an offset the camera clock is China time.</summary>
    public static bool TryTime(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        var inv = CultureInfo.InvariantCulture;
        string[] withOffset = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd' 'HH:mm:ss.FFFFFFFzzz"];
        string[] utc = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd' 'HH:mm:ss.FFFFFFF'Z'"];
        string[] local = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd' 'HH:mm:ss.FFFFFFF", "yyyyMMddHHmmssfff", "yyyyMMddHHmmss"];
        if (DateTimeOffset.TryParseExact(s, withOffset, inv, DateTimeStyles.None, out time)) return true;
        if (DateTimeOffset.TryParseExact(s, utc, inv, DateTimeStyles.AssumeUniversal, out time)) return true;
        // A China wall time in the first 8 h of year 1 has no UTC instant (the constructor would throw).
        if (DateTime.TryParseExact(s, local, inv, DateTimeStyles.None, out var wall) && wall.Ticks >= ChinaTime.Offset.Ticks)
        {
            time = new DateTimeOffset(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), ChinaTime.Offset);
            return true;
        }
        return false;
    }

    /// <summary>A confidence number on the device's scale → 0..1; null when absent; false when unreadable or
    /// above the scale (a misconfigured scale must show up, not be clipped).</summary>
    public static bool TryConfidence(string? text, double scale, out double? confidence, out string reason)
    {
        confidence = null;
        reason = "";
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var raw) || !double.IsFinite(raw) || raw < 0)
        {
            reason = $"confidence '{Clip(text)}' is not a non-negative number";
            return false;
        }
        if (raw > scale)
        {
            reason = $"confidence {raw} is above the device's scale {scale} (set confidenceScale, e.g. 255)";
            return false;
        }
        confidence = Math.Round(raw / scale, 4);
        return true;
    }

    internal static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
