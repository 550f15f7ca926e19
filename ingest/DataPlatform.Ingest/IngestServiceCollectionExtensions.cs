using DataPlatform.Ingest.Http;
using DataPlatform.Ingest.Journal;
using DataPlatform.Ingest.Publishing;
using DataPlatform.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Ingest;

public static class IngestServiceCollectionExtensions
{
    /// <summary>The ingest role: device listeners that validate, keep rejects, and publish to Kafka.</summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        builder.AddStreams();
        var services = builder.Services;
        services.AddOptions<IngestOptions>().BindConfiguration("Ingest");
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<KafkaRecordPublisher>();
        services.AddSingleton<JournalProgress>();
        services.AddSingleton<GateEventEndpoint>();
        var journal = builder.Configuration["Ingest:JournalDirectory"];
        if (string.IsNullOrEmpty(journal))
        {
            services.AddSingleton(sp => new DurableIngest(
                sp.GetRequiredService<KafkaRecordPublisher>(), sp.GetRequiredService<JournalProgress>()));
        }
        else
        {
            services.AddSingleton(_ => new IngestJournal(journal));
            services.AddSingleton<DurableIngest>();
            // Order matters: replay what an earlier run acknowledged before listening to devices again.
            services.AddHostedService<JournalReplayService>();
            services.AddHostedService<JournalCompactor>();
        }
        services.AddSingleton<IngestHttpServer>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestHttpServer>());
        return builder;
    }
}
