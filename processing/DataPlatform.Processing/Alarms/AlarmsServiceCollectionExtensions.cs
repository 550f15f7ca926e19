using DataPlatform.Processing.Alarms;
using DataPlatform.Processing.Alarms.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// In the role's namespace so ProcessingServiceCollectionExtensions calls it without another using.
namespace DataPlatform.Processing;

public static class AlarmsServiceCollectionExtensions
{
    /// <summary>The alarm service: consumers of <c>gate.decisions</c> and <c>device.events</c> in the group
    /// <c>alarms</c>, the <c>alarms</c> table and topic, and webhook fan-out. Needs <c>AddStreams</c> and
    /// <c>AddLedger</c>. <c>Processing:Alarms:Enabled=false</c> leaves it out.</summary>
    public static IHostApplicationBuilder AddAlarms(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlarmOptions>().BindConfiguration("Processing:Alarms").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AlarmOptions>, AlarmOptionsValidation>();
        if (!builder.Configuration.GetValue("Processing:Alarms:Enabled", true))
            return builder;
        builder.Services.AddSingleton(sp => new AlarmEvaluator(LoadRules(sp)));
        builder.Services.AddSingleton<AlarmConsumerOptions>();
        builder.Services.AddSingleton<AlarmWriter>();
        builder.Services.AddSingleton<AlarmPublisher>();
        builder.Services.AddSingleton<AlarmWebhookSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlarmWebhookSender>());
        builder.Services.AddSingleton<AlarmPipeline>();
        builder.Services.AddSingleton<AlarmDecisionConsumer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlarmDecisionConsumer>());
        builder.Services.AddSingleton<AlarmDeviceEventConsumer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlarmDeviceEventConsumer>());
        builder.Services.AddSingleton<AlarmEmissionReadingConsumer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlarmEmissionReadingConsumer>());
        builder.Services.AddSingleton<AlarmBridgeStatusConsumer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlarmBridgeStatusConsumer>());
        return builder;
    }

    // A broken rule is logged and skipped, never fatal: the other alarms matter more than one typo.
    private static List<AlarmRule> LoadRules(IServiceProvider sp)
    {
        var configured = sp.GetRequiredService<IOptions<AlarmOptions>>().Value.Rules;
        if (configured.Count == 0) return [.. AlarmRuleDefaults.Rules, .. EmissionAlarmRules.Defaults];
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AlarmRule));
        var valid = new List<AlarmRule>();
        foreach (var (rule, index) in configured.Select((r, i) => (r, i)))
        {
            var problem = AlarmRuleValidation.Problem(rule);
            if (problem is null) valid.Add(rule);
            else logger.LogError("告警规则 Processing:Alarms:Rules:{Index} 无效，已跳过: {Problem}", index, problem);
        }
        return valid;
    }
}
