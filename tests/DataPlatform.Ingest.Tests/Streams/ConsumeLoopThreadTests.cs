using DataPlatform.Streams;

namespace DataPlatform.Ingest.Tests.Streams;

/// <summary>A consume loop keeps to its own thread across awaits, so its blocking polls never hold a pool thread.</summary>
public sealed class ConsumeLoopThreadTests
{
    [Fact]
    public async Task Every_step_of_the_loop_runs_on_its_own_named_thread_and_never_on_the_pool()
    {
        var threads = new List<(int Id, bool Pool, string? Name)>();
        await ConsumeLoopThread.Run("consume test", async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                threads.Add((Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name));
                await Task.Delay(5);
                await Task.Yield();
            }
        });

        Assert.Equal(5, threads.Count);
        Assert.Single(threads.Select(t => t.Id).Distinct());
        Assert.All(threads, t => Assert.False(t.Pool));
        Assert.All(threads, t => Assert.Equal("consume test", t.Name));
    }

    [Fact]
    public async Task A_loop_that_fails_after_an_await_fails_the_task_with_its_exception()
    {
        var task = ConsumeLoopThread.Run("consume failing", async () =>
        {
            await Task.Delay(1);
            throw new InvalidDataException("bad batch");
        });

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => task);
        Assert.Equal("bad batch", e.Message);
    }

    [Fact]
    public async Task A_loop_that_throws_before_its_first_await_fails_the_task_too()
    {
        var task = ConsumeLoopThread.Run("consume failing early", () => throw new InvalidOperationException("no topic"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => task);
    }

    [Fact]
    public async Task Stopping_a_loop_cancels_its_task()
    {
        using var stop = new CancellationTokenSource();
        var task = ConsumeLoopThread.Run("consume cancelled", async () =>
        {
            while (true)
                await Task.Delay(10, stop.Token);
        });
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.True(task.IsCanceled);
    }
}
