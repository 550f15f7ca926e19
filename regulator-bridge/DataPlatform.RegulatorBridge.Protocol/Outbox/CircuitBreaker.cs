namespace DataPlatform.RegulatorBridge.Outbox;

/// <summary>Stops hammering a platform that is down: opens after <c>FailureThreshold</c> consecutive failures,
/// lets one probe through after <c>OpenDuration</c>, closes on the probe's success and re-opens on its failure.
/// Time is a parameter, so it is pure enough to test without clocks. Not thread-safe: one per transport.</summary>
public sealed class CircuitBreaker
{
    private readonly CircuitBreakerOptions _options;
    private DateTimeOffset _openedAt;
    private bool _probeInFlight;

    public CircuitBreaker(CircuitBreakerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.FailureThreshold < 1 || options.OpenDuration <= TimeSpan.Zero)
            throw new ArgumentException("the circuit breaker needs FailureThreshold ≥ 1 and a positive OpenDuration", nameof(options));
        _options = options;
    }

    public CircuitState State { get; private set; } = CircuitState.Closed;

    public int ConsecutiveFailures { get; private set; }

    /// <summary>When the current outage began (the first of the failures that opened the circuit); null when closed.</summary>
    public DateTimeOffset? DownSince { get; private set; }

    private DateTimeOffset? _firstFailureAt;

    /// <summary>Down, for the 补传 rule: the circuit is open or probing.</summary>
    public bool IsPlatformDown => State != CircuitState.Closed;

    /// <summary>Whether a request may go out now. In half-open, true once (the probe) until its outcome is reported.</summary>
    public bool TryAcquire(DateTimeOffset now)
    {
        if (State == CircuitState.Open && now >= _openedAt + _options.OpenDuration)
        {
            State = CircuitState.HalfOpen;
            _probeInFlight = false;
        }
        switch (State)
        {
            case CircuitState.Closed:
                return true;
            case CircuitState.HalfOpen when !_probeInFlight:
                _probeInFlight = true;
                return true;
            default:
                return false;
        }
    }

    /// <summary>How many requests may go out now: unlimited (<paramref name="capacity"/>) when closed, one probe
    /// when half-open, none when open.</summary>
    public int Capacity(DateTimeOffset now, int capacity)
    {
        if (State == CircuitState.Open && now >= _openedAt + _options.OpenDuration)
        {
            State = CircuitState.HalfOpen;
            _probeInFlight = false;
        }
        return State switch
        {
            CircuitState.Closed => capacity,
            CircuitState.HalfOpen => _probeInFlight ? 0 : Math.Min(1, capacity),
            _ => 0,
        };
    }

    public void OnSuccess()
    {
        State = CircuitState.Closed;
        ConsecutiveFailures = 0;
        DownSince = null;
        _firstFailureAt = null;
        _probeInFlight = false;
    }

    public void OnFailure(DateTimeOffset now)
    {
        ConsecutiveFailures++;
        _firstFailureAt ??= now;
        if (State == CircuitState.HalfOpen || (State == CircuitState.Closed && ConsecutiveFailures >= _options.FailureThreshold))
        {
            State = CircuitState.Open;
            _openedAt = now;
            _probeInFlight = false;
            DownSince ??= _firstFailureAt;
        }
    }
}
