using DataPlatform.Processing.LedgerRecords;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Reviews;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

// In the role's namespace so ProcessingServiceCollectionExtensions calls it without another using.
namespace DataPlatform.Processing;

public static class ReviewsServiceCollectionExtensions
{
    /// <summary>The manual-review ledger (consumer of <c>review.actions</c>) and the <c>ledger.records</c> producer
    /// the passage writer and the review ledger publish through. Needs <c>AddStreams</c> and <c>AddLedger</c>.</summary>
    public static IHostApplicationBuilder AddReviewsAndLedgerRecords(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<LedgerRecordProducer>();
        builder.Services.TryAddSingleton<PassageReader>();
        builder.Services.TryAddSingleton<RegisterVersionReader>();
        builder.Services.TryAddSingleton<PassageRecordPublisher>();
        builder.Services.AddSingleton<ReviewActionStore>();
        builder.Services.AddSingleton<ReviewActionWriter>();
        builder.Services.AddSingleton<ReviewActionConsumer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReviewActionConsumer>());
        return builder;
    }
}
