namespace DataPlatform.Devices.Weighbridge;

/// <summary>The continuous-output protocols of weighbridge indicators that we frame.</summary>
public enum IndicatorProtocol
{
    /// <summary>耀华 XK3190 continuous mode (tF=0): '=' then the displayed value with its characters reversed.</summary>
    Xk3190Equals = 1,

    /// <summary>耀华 XK3190-A9 style: STX, sign, 6 digits, decimal places, XOR check as two characters, ETX.</summary>
    Xk3190Stx = 2,

    /// <summary>Mettler Toledo continuous output: STX, status words A B C, 6-digit weight, 6-digit tare, CR.</summary>
    ToledoContinuous = 3,
}
