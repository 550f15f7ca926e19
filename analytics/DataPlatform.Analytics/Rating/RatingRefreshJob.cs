using Quartz;

namespace DataPlatform.Analytics.Rating;

/// <summary>Quartz job: folds the ledger rows changed since the last run into <see cref="RatingTables.Daily"/>.
/// One run at a time; a failed run is retried by the next trigger (nothing is lost: the watermark only moves on success).</summary>
[DisallowConcurrentExecution]
public sealed class RatingRefreshJob(RatingRefresher refresher) : IJob
{
    public static readonly JobKey Key = new("rating-refresh", "analytics");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await refresher.RefreshChangedAsync("job", cancellationToken);
}
