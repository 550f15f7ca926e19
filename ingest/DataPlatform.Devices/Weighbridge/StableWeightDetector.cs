using DataPlatform.Gate;

namespace DataPlatform.Devices.Weighbridge;

/// <summary>Turns a weighbridge's reading stream into weighings: one <see cref="WeighingEvent"/> per
/// vehicle-on-scale cycle (the weight rises above the empty threshold, settles, falls back to empty). The event
/// is emitted as soon as the weight has settled — the gate acts on it while the truck is still on the scale — and
/// later plateaus of the same cycle (a driver stepping down) are ignored until the scale is empty again. A cycle
/// that never settles emits nothing. Pure and deterministic: no clock, no I/O; one instance per weighbridge.</summary>
public sealed class StableWeightDetector
{
    private readonly StableWeightOptions _options;
    private readonly List<IndicatorReading> _window = [];
    private DateTimeOffset? _lastTime;

    /// <exception cref="ArgumentException">invalid options.</exception>
    public StableWeightDetector(StableWeightOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>True between a rise above the empty threshold and the fall back to it.</summary>
    public bool VehicleOnScale { get; private set; }

    /// <summary>True once the current cycle has produced its weighing.</summary>
    public bool CycleWeighed { get; private set; }

    /// <summary>Feeds one reading; returns the weighing it completes, if any. A reading older than the previous
    /// one (a reordered or replayed frame) is ignored, as are null readings.</summary>
    public WeighingEvent? Push(IndicatorReading? reading)
    {
        if (reading is null || (_lastTime is { } last && reading.Time < last))
            return null;
        _lastTime = reading.Time;

        if (reading.WeightKg <= _options.EmptyThresholdKg && !reading.OutOfRange)
        {
            // Empty again: the cycle ends, whether or not it was weighed.
            VehicleOnScale = false;
            CycleWeighed = false;
            _window.Clear();
            return null;
        }
        if (!VehicleOnScale)
        {
            VehicleOnScale = true;
            CycleWeighed = false;
            _window.Clear();
        }
        if (CycleWeighed)
            return null;
        if (reading.Motion == true || reading.OutOfRange)
        {
            _window.Clear();
            return null;
        }

        _window.Add(reading);
        if (_window.Count > StableWeightOptions.MaxWindow)
            _window.RemoveAt(0);
        // Keep the longest steady suffix: drop the oldest readings until the spread fits the tolerance.
        while (Spread() > _options.ToleranceKg)
            _window.RemoveAt(0);

        if (_window.Count < _options.MinStableReadings
            || _window[^1].Time - _window[0].Time < _options.MinStableDuration)
            return null;

        CycleWeighed = true;
        var weight = Median();
        var time = ChinaTime.From(reading.Time);
        return new WeighingEvent(
            WeighingEventId.Create(_options.EnterpriseId, _options.WeighbridgeId, time, weight, null),
            _options.EnterpriseId, _options.WeighbridgeId, time, weight, WeighingKind.Unknown,
            TicketNo: null, CargoName: null, Plate: null);
    }

    private decimal Spread()
    {
        decimal min = decimal.MaxValue, max = decimal.MinValue;
        foreach (var r in _window)
        {
            min = Math.Min(min, r.WeightKg);
            max = Math.Max(max, r.WeightKg);
        }
        return _window.Count == 0 ? 0 : max - min;
    }

    // A reading the indicator actually showed, robust to one outlier at either end of the window.
    private decimal Median()
    {
        var sorted = _window.Select(r => r.WeightKg).Order().ToArray();
        return sorted[(sorted.Length - 1) / 2];
    }
}
