using DataPlatform.Streams.Settings;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Consuming;

/// <summary>Checks <c>Processing:*</c> at start (batching, retries, lane fusion, review threshold), naming the setting.
/// The bounds are what the code can work with, not tuning advice.</summary>
public sealed class ProcessingOptionsValidation : IValidateOptions<ProcessingOptions>
{
    public ValidateOptionsResult Validate(string? name, ProcessingOptions o) => new SettingProblems()
        .NotBlank("Processing:GroupId", o.GroupId)
        .InRange("Processing:MaxBatchSize", o.MaxBatchSize, 1, 1_000_000)
        .InRange("Processing:MaxBatchDelayMs", o.MaxBatchDelayMs, 0, 60_000)
        .InRange("Processing:RetryDelayMs", o.RetryDelayMs, 0, 600_000)
        .InRange("Processing:ReviewMinimumConfidence", o.ReviewMinimumConfidence, 0, 1)
        .InRange("Processing:LaneFusionWindowSeconds", o.LaneFusionWindowSeconds, 0, 600)
        .InRange("Processing:LaneFusionIdleCloseMs", o.LaneFusionIdleCloseMs, 0, 600_000)
        .Result;
}
