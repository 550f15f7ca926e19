namespace DataPlatform.Streams;

/// <summary>Retrying a step until it succeeds: the stages never skip a batch, they wait for the engine.</summary>
public static class Retry
{
    /// <summary>Runs <paramref name="action"/> until it returns, calling <paramref name="onFailure"/> with the error
    /// and attempt number and waiting <paramref name="delay"/> after each failure; stops on cancellation, and on a
    /// failure <paramref name="isFatal"/> names (thrown to the caller: waiting cannot heal it).</summary>
    public static Task<T> UntilDoneAsync<T>(Func<Task<T>> action, TimeSpan delay, Action<Exception, int> onFailure,
        CancellationToken ct, Func<Exception, bool>? isFatal = null) =>
        UntilDoneAsync(action, _ => delay, onFailure, ct, isFatal);

    /// <summary>As <see cref="UntilDoneAsync{T}(Func{Task{T}}, TimeSpan, Action{Exception, int}, CancellationToken, Func{Exception, bool}?)"/>,
    /// waiting <paramref name="delayAfter"/>(attempt) after the attempt-th failure (1-based): a back-off such as
    /// <see cref="Doubling"/>.</summary>
    public static async Task<T> UntilDoneAsync<T>(Func<Task<T>> action, Func<int, TimeSpan> delayAfter, Action<Exception, int> onFailure,
        CancellationToken ct, Func<Exception, bool>? isFatal = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (Exception ex) when ((ex is not OperationCanceledException || !ct.IsCancellationRequested) && isFatal?.Invoke(ex) != true)
            {
                onFailure(ex, attempt);
                await Task.Delay(delayAfter(attempt), ct);
            }
        }
    }

    /// <summary>A back-off for <see cref="UntilDoneAsync{T}(Func{Task{T}}, Func{int, TimeSpan}, Action{Exception, int}, CancellationToken, Func{Exception, bool}?)"/>:
    /// <paramref name="first"/> after the first failure, doubling after each further one, never above <paramref name="max"/>.</summary>
    public static Func<int, TimeSpan> Doubling(TimeSpan first, TimeSpan max) =>
        attempt => TimeSpan.FromTicks(Math.Min(max.Ticks, first.Ticks << Math.Clamp(attempt - 1, 0, 20)));
}
