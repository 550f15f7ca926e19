using DataPlatform.Streams.Settings;
using Microsoft.Extensions.Options;

namespace DataPlatform.RegulatorBridge.Hosting;

/// <summary>Checks <c>RegulatorBridge:*</c> at start when the bridge is enabled, naming the setting: the enterprise's
/// identity, the round size, holds and intervals. (Keys and profile settings are checked when they are loaded: their
/// messages name the file or variable.)</summary>
public sealed class RegulatorBridgeOptionsValidation : IValidateOptions<RegulatorBridgeOptions>
{
    private const string S = RegulatorBridgeOptions.Section;

    public ValidateOptionsResult Validate(string? name, RegulatorBridgeOptions o) => !o.Enabled
        ? ValidateOptionsResult.Skip
        : new SettingProblems()
            .NotBlank($"{S}:Profile", o.Profile)
            .NotBlank($"{S}:GroupId", o.GroupId)
            .InRange($"{S}:MaxInFlight", o.MaxInFlight, 1, 1024)
            .InRange($"{S}:MaxOutstanding", o.MaxOutstanding, o.MaxInFlight, 4096)
            .InRange($"{S}:SlowRequestAfter (秒 s)", o.SlowRequestAfter.TotalSeconds, 0.01, 600)
            .InRange($"{S}:ExitHold (秒 s)", o.ExitHold.TotalSeconds, 0, 3600)
            .InRange($"{S}:IdleDelay (秒 s)", o.IdleDelay.TotalSeconds, 0, 60)
            .InRange($"{S}:RatesInterval (秒 s)", o.RatesInterval.TotalSeconds, 0.01, 86_400)
            .InRange($"{S}:RatesDays", o.RatesDays, 1, 366)
            .InRange($"{S}:BacklogAlarmCount", o.BacklogAlarmCount, 1, int.MaxValue)
            .Add(o.ReconnectInitial > TimeSpan.Zero && o.ReconnectInitial <= o.ReconnectMax ? null
                : $"{S}:ReconnectInitial = {o.ReconnectInitial}: 应大于 0 且不超过 ReconnectMax {o.ReconnectMax} (must be positive and at most {S}:ReconnectMax)")
            .Result;
}
