using DataPlatform.Streams.Settings;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Alarms;

/// <summary>Checks <c>Processing:Alarms:*</c> at start: webhook URLs and delivery bounds, naming the setting.</summary>
public sealed class AlarmOptionsValidation : IValidateOptions<AlarmOptions>
{
    public ValidateOptionsResult Validate(string? name, AlarmOptions o)
    {
        var problems = new SettingProblems()
            .NotBlank("Processing:Alarms:GroupId", o.GroupId)
            .InRange("Processing:Alarms:WebhookAttempts", o.WebhookAttempts, 1, 100)
            .InRange("Processing:Alarms:WebhookRetryDelayMs", o.WebhookRetryDelayMs, 0, 600_000)
            .InRange("Processing:Alarms:WebhookTimeoutMs", o.WebhookTimeoutMs, 1, 600_000)
            .InRange("Processing:Alarms:WebhookQueueCapacity", o.WebhookQueueCapacity, 1, 10_000_000);
        for (var i = 0; i < o.Webhooks.Count; i++) problems.HttpUrl($"Processing:Alarms:Webhooks:{i}", o.Webhooks[i]);
        return problems.Result;
    }
}
