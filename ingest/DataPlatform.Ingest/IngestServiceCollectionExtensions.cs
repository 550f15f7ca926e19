using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.GuardBooth;
using DataPlatform.Ingest.Health;
using DataPlatform.Ingest.Http;
using DataPlatform.Ingest.Journal;
using DataPlatform.Ingest.Publishing;
using DataPlatform.Pictures;
using DataPlatform.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ingest;

public static class IngestServiceCollectionExtensions
{
    /// <summary>The ingest role: device listeners that validate, keep rejects, and publish to Kafka.</summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        builder.AddStreams();
        var services = builder.Services;
        services.AddOptions<IngestOptions>().BindConfiguration("Ingest").ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidation>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<KafkaRecordPublisher>();
        services.AddSingleton<JournalProgress>();
        services.AddSingleton<GateEventEndpoint>();
        services.AddSingleton<CameraEndpoints>();
        services.AddSingleton<DeviceEndpoints>();
        services.AddSingleton<EmissionEndpoints>();
        services.AddSingleton<DevicePushes>();
        services.AddSingleton<IngestFaultBarrier>();
        services.AddGuardBooth();
        // Devices are validated when the registry is first built; the HTTP server depends on it, so a bad
        // Ingest:Devices entry fails the start instead of failing pushes later.
        services.AddSingleton(sp => new DeviceRegistry(sp.GetRequiredService<IOptions<IngestOptions>>().Value.Devices));
        services.AddSingleton(sp => new DeviceHealthTracker(
            sp.GetRequiredService<DeviceRegistry>().All.Select(d => d.DeviceId),
            TimeSpan.FromSeconds(Math.Max(1, sp.GetRequiredService<IOptions<IngestOptions>>().Value.DeviceSilenceSeconds)),
            sp.GetRequiredService<TimeProvider>().GetUtcNow()));
        services.AddSingleton(sp => new AuthAlarmThrottle(
            TimeSpan.FromSeconds(Math.Max(0, sp.GetRequiredService<IOptions<IngestOptions>>().Value.AuthAlarmIntervalSeconds))));
        services.AddSingleton(sp => new MissingPictureTracker(
            sp.GetRequiredService<IOptions<IngestOptions>>().Value.MissingPictureAlarmCount,
            TimeSpan.FromSeconds(Math.Max(1, sp.GetRequiredService<IOptions<IngestOptions>>().Value.MissingPictureWindowSeconds))));
        services.AddSingleton<IPictureStore>(sp => CreatePictureStore(
            sp.GetRequiredService<IOptions<IngestOptions>>().Value, sp.GetRequiredService<ILoggerFactory>().CreateLogger<IPictureStore>()));
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
        services.AddHostedService<DeviceHealthMonitor>();
        // Weighbridges, e-tag readers and QR scanners on serial-to-Ethernet converters (Adapters/Tcp).
        services.AddTcpDeviceListeners(builder.Configuration);
        services.AddSingleton<IngestHttpServer>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestHttpServer>());
        return builder;
    }

    /// <summary>The store <c>Ingest:PictureStore</c> names: the local directory or an S3-compatible bucket.</summary>
    /// <exception cref="InvalidOperationException">the settings are unusable; the message says why.</exception>
    public static IPictureStore CreatePictureStore(IngestOptions options, ILogger logger) =>
        PictureStores.Create(options.PictureStore, PictureDirectoryOf(options), logger);

    /// <summary>The configured picture directory; else <c>pictures</c> beside the journal (standalone keeps all
    /// its state under one data directory); else the user's local application data.</summary>
    public static string PictureDirectoryOf(IngestOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PictureDirectory)) return options.PictureDirectory;
        if (!string.IsNullOrWhiteSpace(options.JournalDirectory))
            return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.JournalDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "pictures");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "dataplatform", "pictures");
    }
}
