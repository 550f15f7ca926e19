using DataPlatform.Streams;

namespace DataPlatform.Processing.Alarms.Rules;

/// <summary>Bridge status events → <see cref="AlarmInput"/>. Pure. The subject (metric and day, or backlog) is what
/// repeats are counted on, per gate.</summary>
public static class BridgeStatusInputs
{
    public static AlarmInput From(BridgeStatusEvent e) => new(
        AlarmSources.BridgeStatus,
        e.Id.ToString(),
        e.EnterpriseId,
        e.GateId,
        e.Subject,
        e.At,
        "",
        "",
        "",
        e.Kind,
        [e.Message],
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["gate"] = e.GateId,
            ["message"] = e.Message,
            ["reason"] = e.Message,
        });
}
