using Microsoft.Extensions.Options;

namespace DataPlatform.Streams.Settings;

/// <summary>Checks <c>Kafka:*</c> at start: a bootstrap list of host:port pairs.</summary>
public sealed class KafkaOptionsValidation : IValidateOptions<KafkaOptions>
{
    public ValidateOptionsResult Validate(string? name, KafkaOptions options) => new SettingProblems()
        .NotBlank("Kafka:BootstrapServers", options.BootstrapServers)
        .Add(options.BootstrapServers.Split(',', StringSplitOptions.TrimEntries).All(IsHostPort) ? null
            : $"Kafka:BootstrapServers = '{options.BootstrapServers}': 应为逗号分隔的 主机:端口 (must be comma-separated host:port pairs)")
        .Result;

    private static bool IsHostPort(string entry)
    {
        var colon = entry.LastIndexOf(':');
        return colon > 0 && int.TryParse(entry[(colon + 1)..], out var port) && port is > 0 and <= 65535;
    }
}
