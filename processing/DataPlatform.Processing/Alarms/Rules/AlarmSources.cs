namespace DataPlatform.Processing.Alarms.Rules;

/// <summary>Where an alarm input came from; a rule only ever matches inputs of its own source.</summary>
public static class AlarmSources
{
    /// <summary>A gate decision on <c>gate.decisions</c>.</summary>
    public const string Decision = "decision";

    /// <summary>A device status change or security event on <c>device.events</c>.</summary>
    public const string DeviceEvent = "device-event";

    /// <summary>A vehicle emission reading (smoke opacity) on <c>gate.emission-readings</c>.</summary>
    public const string EmissionReading = "emission-reading";
    /// <summary>A regulator bridge finding on <c>regulator.bridge-status</c> (low rate, upload backlog, platform down);
    /// rules match its kind through <see cref="AlarmRule.DeviceEventKinds"/>.</summary>
    public const string BridgeStatus = "bridge-status";
}
