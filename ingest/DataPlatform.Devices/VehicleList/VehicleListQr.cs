using DataPlatform.Gate;

namespace DataPlatform.Devices.VehicleList;

/// <summary>Reads the QR of a 机动车环保信息随车清单 in any supported layout. Text in no supported layout is
/// rejected as <see cref="DeviceRejectionCodes.UnknownLayout"/> — a gate must not record a guessed stage or VIN.
/// Never throws.</summary>
public static class VehicleListQr
{
    public const int MaxLength = 4096;

    /// <summary>The supported layouts, in the order they are tried.</summary>
    public static IReadOnlyList<IVehicleListLayout> Layouts { get; } = [new VeccJsonLayout(), new LabelledTextLayout()];

    public static DeviceResult<VehicleInfo> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return DeviceResult<VehicleInfo>.Failure(RejectionCodes.MissingField, "the QR text is empty");
        if (text.Length > MaxLength)
            return DeviceResult<VehicleInfo>.Failure(RejectionCodes.TooLarge, $"the QR text has {text.Length} characters, more than {MaxLength}");
        // Scanners in keyboard-wedge mode sometimes prepend a BOM or a zero-width space.
        var t = text.Trim().TrimStart('\uFEFF', '\u200B');
        foreach (var layout in Layouts)
            if (layout.Recognises(t))
                return layout.Parse(t);
        var reason = t.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? "the QR is a link, not list content; its content would have to be fetched, which a gate parser does not do"
            : "the QR text matches no supported 随车清单 layout (" + string.Join(", ", Layouts.Select(l => l.Name)) + ")";
        return DeviceResult<VehicleInfo>.Failure(DeviceRejectionCodes.UnknownLayout, $"{reason}: '{DeviceText.Clip(t)}'");
    }
}
