using DataPlatform.Ledger;
using DataPlatform.Processing.Consuming;
using DataPlatform.Processing.GateRaw;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Rejections;
using DataPlatform.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing;

public static class ProcessingServiceCollectionExtensions
{
    /// <summary>The processing role: migrates the ledger schema, then turns raw gate events into ledger rows
    /// and dead letters into the rejection table.</summary>
    public static IHostApplicationBuilder AddProcessing(this IHostApplicationBuilder builder)
    {
        builder.AddStreams();
        builder.AddLedger();
        builder.Services.AddOptions<ProcessingOptions>().BindConfiguration("Processing").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ProcessingOptions>, ProcessingOptionsValidation>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PassageWriter>();
        builder.Services.AddSingleton<Fusion.LaneReadWriter>();
        builder.Services.AddSingleton<Fusion.LaneGroupStore>();
        builder.Services.AddLedgerIntegrity();
        builder.Services.AddHostedService<LedgerMigrationService>();
        builder.Services.AddSingleton<GateRaw.LedgerPathTimings>();
        builder.Services.AddSingleton<GateRawConsumer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GateRawConsumer>());
        builder.Services.AddSingleton<RejectedPayloadConsumer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RejectedPayloadConsumer>());
        builder.AddGateDecisions();
        builder.AddTripsAndWeighings();
        builder.AddAlarms();
        builder.AddEmissionReadings();
        builder.AddRegisters();
        builder.AddReviewsAndLedgerRecords();
        return builder;
    }
}
