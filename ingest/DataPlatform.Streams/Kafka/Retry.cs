namespace DataPlatform.Streams;

/// <summary>Retrying a step until it succeeds: the stages never skip a batch, they wait for the engine.</summary>
public static class Retry
{
    /// <summary>Runs <paramref name="action"/> until it returns, calling <paramref name="onFailure"/> with the error
    /// and attempt number and waiting <paramref name="delay"/> after each failure; stops on cancellation, and on a
    /// failure <paramref name="isFatal"/> names (thrown to the caller: waiting cannot heal it).</summary>
    public static async Task<T> UntilDoneAsync<T>(Func<Task<T>> action, TimeSpan delay, Action<Exception, int> onFailure,
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
                await Task.Delay(delay, ct);
            }
        }
    }
}
