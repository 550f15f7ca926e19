namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>Remembers the nonces of accepted messages for as long as their timestamps are inside the message
/// window; after that the timestamp check refuses a replay by itself, so memory stays bounded by the message
/// rate times the window. Not thread-safe: one per downlink consumer. State is lost on restart, which is safe
/// because a replay after a restart only gets in while its timestamp is fresh, and commands are idempotent by
/// command id downstream.</summary>
public sealed class NonceWindow
{
    private readonly Dictionary<string, DateTimeOffset> _expiry = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _byExpiry = new();

    public NonceWindow(TimeSpan window)
    {
        if (window <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(window), window, "the nonce window must be positive");
        Window = window;
    }

    public TimeSpan Window { get; }

    public int Count => _expiry.Count;

    /// <summary>True and remembered when the nonce is new; false when it was seen inside the window.</summary>
    public bool TryAccept(string nonce, DateTimeOffset messageTime, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        Evict(now);
        if (_expiry.ContainsKey(nonce))
            return false;
        // Keep it at least until the timestamp leaves the window, and at least one window from now (a message
        // stamped in the future stays fresh that much longer).
        var keepUntil = Max(messageTime + Window, now + Window);
        _expiry[nonce] = keepUntil;
        _byExpiry.Enqueue(nonce, keepUntil);
        return true;
    }

    public bool Contains(string nonce, DateTimeOffset now)
    {
        Evict(now);
        return _expiry.ContainsKey(nonce);
    }

    private void Evict(DateTimeOffset now)
    {
        while (_byExpiry.TryPeek(out var nonce, out var until) && until < now)
        {
            _byExpiry.Dequeue();
            _expiry.Remove(nonce);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
