using System.Diagnostics;

namespace DataPlatform.Processing.GateRaw;

/// <summary>Where the ledger writer's time goes, summed since start, per phase of a <c>gate.raw</c> batch: so the
/// benchmark can print what bounds the ledger's throughput instead of guessing. Cheap enough to stay on (two
/// timestamps per phase per batch).</summary>
public sealed class LedgerPathTimings
{
    private readonly long[] _ticks = new long[Enum.GetValues<LedgerPathPhase>().Length];
    private long _batches;
    private long _reads;

    /// <summary>Batches handled since start.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Reads (camera events and e-tag reads) handled since start.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Starts timing a phase; dispose the result to add its time.</summary>
    public Phase Measure(LedgerPathPhase phase) => new(this, phase, Stopwatch.GetTimestamp());

    internal void Batch(int reads)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _reads, reads);
    }

    /// <summary>Time spent in <paramref name="phase"/> since start.</summary>
    public TimeSpan Of(LedgerPathPhase phase) => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[(int)phase]));

    /// <summary>A running measurement of one phase.</summary>
    public readonly struct Phase(LedgerPathTimings timings, LedgerPathPhase phase, long started) : IDisposable
    {
        public void Dispose() => Interlocked.Add(ref timings._ticks[(int)phase], Stopwatch.GetTimestamp() - started);
    }
}

/// <summary>The phases of the ledger writer's batch.</summary>
public enum LedgerPathPhase
{
    /// <summary>Parsing the raw messages (camera events, e-tag reads), dead letters included.</summary>
    Parse,
    /// <summary>Loading the fusion state the ledger holds for the batch's lanes (ClickHouse reads).</summary>
    FusionState,
    /// <summary>Checking which of the batch's reads the ledger already holds (ClickHouse reads).</summary>
    IdCheck,
    /// <summary>Lane read fusion in memory.</summary>
    Fusion,
    /// <summary>Settling each closed group into its passage row and read rows (review screen, registry).</summary>
    Projection,
    /// <summary>Writing lane reads and passages, sealing included (ClickHouse).</summary>
    LedgerWrites,
    /// <summary>Publishing the ledger records: the registered vehicles of their plates (ClickHouse), then Kafka.</summary>
    Publish,
}
