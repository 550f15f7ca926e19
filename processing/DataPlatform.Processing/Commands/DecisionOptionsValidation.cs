using DataPlatform.Streams.Settings;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Commands;

/// <summary>Checks <c>Processing:Decisions:*</c> at start, naming the setting.</summary>
public sealed class DecisionOptionsValidation : IValidateOptions<DecisionOptions>
{
    public ValidateOptionsResult Validate(string? name, DecisionOptions o) => new SettingProblems()
        .NotBlank("Processing:Decisions:GroupId", o.GroupId)
        .InRange("Processing:Decisions:MaxPending", o.MaxPending, 1, 10_000_000)
        .InRange("Processing:Decisions:RecordBatchSize", o.RecordBatchSize, 1, 1_000_000)
        .InRange("Processing:Decisions:RecordDelayMs", o.RecordDelayMs, 0, 600_000)
        .InRange("Processing:Decisions:RetryDelayMs", o.RetryDelayMs, 0, 600_000)
        .InRange("Processing:Decisions:FetchWaitMaxMs", o.FetchWaitMaxMs, 0, 10_000)
        .InRange("Processing:Decisions:ExitWeighingsRequired", o.ExitWeighingsRequired, 0, 10)
        .InRange("Processing:Decisions:TripStateRefreshSeconds", o.TripStateRefreshSeconds, 0.01, 3600)
        .InRange("Processing:Decisions:TripStateWindowHours", o.TripStateWindowHours, 1, 8760)
        .InRange("Processing:Decisions:MaxOpenTrips", o.MaxOpenTrips, 1, 10_000_000)
        .Result;
}
