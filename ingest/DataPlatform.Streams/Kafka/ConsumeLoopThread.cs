using System.Collections.Concurrent;

namespace DataPlatform.Streams;

/// <summary>
/// Runs an async consume loop on a thread of its own, its continuations included.
/// <para>Why: librdkafka's <c>Consume</c> blocks its thread for the whole poll timeout. Starting a loop with
/// <c>TaskCreationOptions.LongRunning</c> only keeps it off the thread pool until its first <c>await</c>; every
/// continuation after that — and so every later <c>Consume</c> — ran on a pool thread. With a dozen consume loops in
/// one standalone process (plus the embedded ClickHouse's queries) the pool's few threads were all blocked in polls,
/// and unrelated work (a regulator command poll, an HTTP answer) waited seconds for the pool to grow: a regulator's
/// measure reached the gate 6–9 s after issue instead of within a second.</para>
/// <para>The loop's own awaits resume on its thread (a single-thread synchronization context); code that uses
/// <c>ConfigureAwait(false)</c> or <c>Task.Run</c> still runs on the pool, where it does not block. Never block on a
/// task (<c>.Result</c>, <c>GetAwaiter().GetResult()</c>) inside such a loop: the continuation it waits for is queued
/// behind it on the same thread.</para>
/// </summary>
public static class ConsumeLoopThread
{
    /// <summary>Starts <paramref name="loop"/> on a new background thread named <paramref name="name"/>; the task
    /// completes as the loop does (faulted or cancelled likewise).</summary>
    public static Task Run(string name, Func<Task> loop)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => RunOnThisThread(loop, completion)) { IsBackground = true, Name = name };
        thread.Start();
        return completion.Task;
    }

    private static void RunOnThisThread(Func<Task> loop, TaskCompletionSource completion)
    {
        var previous = SynchronizationContext.Current;
        using var context = new LoopContext();
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            Task task;
            try
            {
                task = loop();
            }
            catch (Exception e)
            {
                task = Task.FromException(e);
            }
            task.ContinueWith(_ => context.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            context.RunUntilComplete();
            if (task.IsCanceled) completion.TrySetCanceled();
            else if (task.Exception is { } e) completion.TrySetException(e.InnerExceptions);
            else completion.TrySetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    /// <summary>Queues every posted continuation to the one thread that runs the loop.</summary>
    private sealed class LoopContext : SynchronizationContext, IDisposable
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();

        public override void Post(SendOrPostCallback d, object? state)
        {
            try
            {
                _queue.Add((d, state));
            }
            catch (InvalidOperationException)
            {
                // The loop has ended; a late continuation (a timer of a finished await) runs on the pool instead.
                ThreadPool.QueueUserWorkItem(_ => d(state));
            }
        }

        public override void Send(SendOrPostCallback d, object? state) =>
            throw new NotSupportedException("A consume loop's context takes posted continuations only.");

        public override SynchronizationContext CreateCopy() => this;

        public void Complete() => _queue.CompleteAdding();

        public void RunUntilComplete()
        {
            foreach (var (callback, state) in _queue.GetConsumingEnumerable())
                callback(state);
        }

        public void Dispose() => _queue.Dispose();
    }
}
