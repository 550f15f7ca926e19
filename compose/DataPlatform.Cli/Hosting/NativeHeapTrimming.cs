using Microsoft.Extensions.Hosting;

namespace DataPlatform.Cli.Hosting;

/// <summary>Hands glibc's free pages back every <see cref="Period"/> (<see cref="NativeHeap.Trim"/>): in standalone,
/// where librdkafka's and the runtime's many threads leave freed memory spread over glibc's arenas. One trim walks
/// the arenas' free lists: a few milliseconds on one thread.</summary>
public sealed class NativeHeapTrimming(TimeSpan period, TimeProvider clock) : BackgroundService
{
    public TimeSpan Period { get; } = period > TimeSpan.Zero ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "must be positive");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken) && NativeHeap.Trim())
            {
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
