using DataPlatform.Gate;
using DataPlatform.RegulatorSimulator.Commands;

namespace DataPlatform.RegulatorSimulator.Platform;

/// <summary>Issues blacklist entries and emergency measures by itself, on the configured intervals, to every
/// known enterprise: blacklists cycle through the configured plates, measures through 黄色/橙色/红色.</summary>
internal sealed class CommandScheduler : IAsyncDisposable
{
    private static readonly AlertLevel[] Levels = [AlertLevel.Yellow, AlertLevel.Orange, AlertLevel.Red];

    private readonly PlatformCore _core;
    private readonly CommandScheduleOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly List<(string Plate, PlateColor Color)> _plates = [];
    private int _nextPlate;
    private int _nextLevel;

    public CommandScheduler(PlatformCore core, CommandScheduleOptions options, TimeProvider time)
    {
        _core = core;
        _options = options;
        _time = time;
        foreach (var item in options.BlacklistPlates.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':', 2, StringSplitOptions.TrimEntries);
            var color = PlateColor.Yellow;
            if (parts.Length == 2 && !PlateColor.TryParse(parts[1], out color, out var why))
                throw new InvalidOperationException($"RegulatorSimulator:CommandSchedule:BlacklistPlates '{item}': {why}");
            if (!PlateNumber.TryParse(parts[0], out _, out var plateWhy))
                throw new InvalidOperationException($"RegulatorSimulator:CommandSchedule:BlacklistPlates '{item}': {plateWhy}");
            _plates.Add((parts[0], color));
        }
        if (options.BlacklistInterval > TimeSpan.Zero && _plates.Count > 0)
            _loops.Add(EveryAsync(options.BlacklistInterval, IssueBlacklist));
        if (options.EmergencyMeasureInterval > TimeSpan.Zero)
            _loops.Add(EveryAsync(options.EmergencyMeasureInterval, IssueMeasure));
    }

    private void IssueBlacklist()
    {
        var (plate, color) = _plates[_nextPlate++ % _plates.Count];
        foreach (var ent in _core.EnterpriseCodes)
            _core.Commands.IssueBlacklist(new BlacklistOrder(plate, color, "遥感监测超标（模拟平台定时下发）", EnterpriseCode: ent));
    }

    private void IssueMeasure()
    {
        var level = Levels[_nextLevel++ % Levels.Length];
        var start = _time.GetUtcNow();
        foreach (var ent in _core.EnterpriseCodes)
            _core.Commands.IssueEmergencyMeasure(new EmergencyMeasureOrder(level, start, start + _options.EmergencyMeasureDuration, _options.RuleText, ent));
    }

    private async Task EveryAsync(TimeSpan interval, Action issue)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                issue();
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stop.Dispose();
    }
}
