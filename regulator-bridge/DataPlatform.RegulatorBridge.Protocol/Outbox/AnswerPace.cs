namespace DataPlatform.RegulatorBridge.Outbox;

/// <summary>
/// How long the platform usually takes to answer, from its last answers, and so when a request still unanswered is
/// <em>slow</em> (<see cref="UploadWindow.SlowAfter"/>): <see cref="Multiplier"/> times the 90th percentile of the
/// recent answer times, never below <see cref="Floor"/> nor above the configured bound. A platform answering in 25 ms
/// that holds a share of requests until the client's deadline then costs the window a few hundred milliseconds per
/// held request, not the configured 2 s: at hundreds of uploads a second, a fixed 2 s let the held requests fill the
/// window. A slow platform (answers near or above the bound) keeps the bound. Answers only — timeouts and failures
/// are not a pace. Pure and single-threaded (the upload loop owns it).
/// </summary>
public sealed class AnswerPace
{
    /// <summary>Answers remembered.</summary>
    public const int Keep = 64;

    /// <summary>Answers needed before the pace replaces the configured bound.</summary>
    public const int MinAnswers = 16;

    /// <summary>How many times the usual (p90) answer time a request may take before it counts as slow.</summary>
    public const int Multiplier = 4;

    /// <summary>Never slow sooner than this: scheduling jitter on a loaded machine is not a held request.</summary>
    public static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(100);

    private readonly TimeSpan[] _recent = new TimeSpan[Keep];
    private int _count;
    private int _next;

    /// <summary>Records one answer, <paramref name="answeredAfter"/> its time from start to answer.</summary>
    public void Observe(TimeSpan answeredAfter)
    {
        _recent[_next] = answeredAfter < TimeSpan.Zero ? TimeSpan.Zero : answeredAfter;
        _next = (_next + 1) % Keep;
        _count = Math.Min(_count + 1, Keep);
    }

    /// <summary>The 90th percentile of the remembered answer times; null before any answer.</summary>
    public TimeSpan? Usual
    {
        get
        {
            if (_count == 0)
                return null;
            var sorted = _recent[.._count];
            Array.Sort(sorted);
            return sorted[(int)Math.Ceiling(0.9 * _count) - 1];
        }
    }

    /// <summary>When a request counts as slow: <paramref name="bound"/> (the configured <c>SlowRequestAfter</c>) until
    /// <see cref="MinAnswers"/> answers are known, then <see cref="Multiplier"/> × <see cref="Usual"/> within
    /// [<see cref="Floor"/>, <paramref name="bound"/>].</summary>
    public TimeSpan SlowAfter(TimeSpan bound)
    {
        if (_count < MinAnswers || Usual is not { } usual)
            return bound;
        var paced = usual * Multiplier;
        return paced < Floor ? Min(Floor, bound) : Min(paced, bound);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
