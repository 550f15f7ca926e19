using DataPlatform.Processing.LedgerRecords;
using DataPlatform.Processing.Leadership;
using DataPlatform.Processing.Trips;
using DataPlatform.Processing.Weighings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// In the role's namespace so ProcessingServiceCollectionExtensions calls it without another using.
namespace DataPlatform.Processing;

public static class TripsServiceCollectionExtensions
{
    /// <summary>The weighings ledger (consumer of <c>gate.weighings</c>), the trips job and the <c>ledger.records</c>
    /// publisher it drives. Needs <c>AddStreams</c>, <c>AddLedger</c> and the processing options (the processing role
    /// registers them). <c>Processing:Trips:Enabled=false</c> leaves the job out; weighings are always stored.</summary>
    public static IHostApplicationBuilder AddTripsAndWeighings(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WeighingWriter>();
        builder.Services.AddSingleton<WeighingConsumer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WeighingConsumer>());

        builder.Services.AddOptions<TripOptions>().BindConfiguration("Processing:Trips").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TripOptions>, TripOptionsValidation>();
        if (!builder.Configuration.GetValue("Processing:Trips:Enabled", true))
            return builder;
        builder.Services.AddSingleton<TripSource>();
        builder.Services.AddSingleton<TripStore>();
        builder.Services.AddSingleton<LedgerRecordQueries>();
        builder.Services.AddSingleton<PublishMarkTable>();
        builder.Services.AddSingleton<TripRecordPublisher>();
        builder.Services.AddSingleton<ProcessingLeader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ProcessingLeader>());
        builder.Services.AddSingleton<TripJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TripJob>());
        return builder;
    }
}
