using DataPlatform.Streams.Settings;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Trips;

/// <summary>Checks <c>Processing:Trips:*</c> at start, naming the setting.</summary>
public sealed class TripOptionsValidation : IValidateOptions<TripOptions>
{
    public ValidateOptionsResult Validate(string? name, TripOptions o) => new SettingProblems()
        .InRange("Processing:Trips:IntervalSeconds", o.IntervalSeconds, 0.01, 86_400)
        .InRange("Processing:Trips:WindowDays", o.WindowDays, 1, 3650)
        .InRange("Processing:Trips:LateArrivalSeconds", o.LateArrivalSeconds, 0, 86_400)
        .InRange("Processing:Trips:PublishLagSeconds", o.PublishLagSeconds, 0, 3600)
        .InRange("Processing:Trips:PublishLookbackDays", o.PublishLookbackDays, 1, 3650)
        .InRange("Processing:Trips:PublishBatchSize", o.PublishBatchSize, 1, 1_000_000)
        .Result;
}
