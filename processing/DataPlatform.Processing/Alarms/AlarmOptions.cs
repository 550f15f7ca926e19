using DataPlatform.Processing.Alarms.Rules;

namespace DataPlatform.Processing.Alarms;

/// <summary>The alarm service. Bound from <c>Processing:Alarms</c>.</summary>
public sealed class AlarmOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Its own consumer group: alarms never hold back the ledger writers or the gate.</summary>
    public string GroupId { get; set; } = "alarms";

    /// <summary>Empty: <see cref="AlarmRuleDefaults.Rules"/>. Configured rules replace the defaults as a whole.</summary>
    public List<AlarmRule> Rules { get; set; } = [];

    /// <summary>URLs each new alarm is POSTed to as JSON.</summary>
    public List<string> Webhooks { get; set; } = [];

    /// <summary>Attempts per webhook and alarm before giving up (logged).</summary>
    public int WebhookAttempts { get; set; } = 5;

    /// <summary>First retry delay in milliseconds; doubles per attempt.</summary>
    public int WebhookRetryDelayMs { get; set; } = 500;

    public int WebhookTimeoutMs { get; set; } = 5000;

    /// <summary>Alarms waiting for webhooks; beyond this new ones are dropped (logged) rather than growing memory
    /// while a receiver is down.</summary>
    public int WebhookQueueCapacity { get; set; } = 10_000;
}
