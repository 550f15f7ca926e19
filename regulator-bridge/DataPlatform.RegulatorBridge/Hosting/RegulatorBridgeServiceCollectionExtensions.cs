using DataPlatform.Ledger;
using DataPlatform.Pictures;
using DataPlatform.RegulatorBridge.Commands;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Hosting;
using DataPlatform.RegulatorBridge.Keys;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Status;
using DataPlatform.RegulatorBridge.Storage;
using DataPlatform.RegulatorBridge.Transports;
using DataPlatform.RegulatorBridge.Uplink;
using DataPlatform.Streams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// In the stage's root namespace so the CLI calls it like the other stages' Add<Stage>.
namespace DataPlatform.RegulatorBridge;

public static class RegulatorBridgeServiceCollectionExtensions
{
    /// <summary>The regulator bridge: <c>ledger.records</c> → durable outbox → the regulator's platform over the
    /// configured profile, the upload log and rates in ClickHouse, downlink commands → <c>control.commands</c>, and
    /// bridge status events for alarms. Needs <c>AddStreams</c> and <c>AddLedger</c> (added here when missing).
    /// <c>RegulatorBridge:Enabled=false</c> (the default) leaves it out.</summary>
    public static IHostApplicationBuilder AddRegulatorBridge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RegulatorBridgeOptions>().BindConfiguration(RegulatorBridgeOptions.Section);
        if (!builder.Configuration.GetValue($"{RegulatorBridgeOptions.Section}:Enabled", false))
            return builder;
        builder.Services.AddOptions<RegulatorBridgeOptions>().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RegulatorBridgeOptions>, RegulatorBridgeOptionsValidation>();
        builder.AddStreams();
        if (!builder.Services.Any(s => s.ServiceType == typeof(LedgerMigrator)))
            builder.AddLedger();
        builder.Services.TryAddSingleton(TimeProvider.System);
        var settings = builder.Configuration.GetSection($"{RegulatorBridgeOptions.Section}:ProfileSettings");
        builder.Services.AddSingleton(sp => CreateContext(sp, settings));
        builder.Services.AddSingleton<OutboxStore>();
        builder.Services.AddSingleton<OutboxQueue>();
        builder.Services.AddSingleton<CommandStore>();
        builder.Services.AddSingleton<RateStore>();
        builder.Services.AddSingleton<DeviceStatusBoard>();
        // Ingest's picture store, read where ingest writes it (Ingest:PictureStore): a bucket or a directory.
        builder.Services.AddOptions<PictureStoreOptions>().BindConfiguration(PictureStoreOptions.Section);
        var ingestPictureDirectory = builder.Configuration["Ingest:PictureDirectory"] ?? "";
        builder.Services.AddSingleton(sp => UplinkPictures.Open(
            sp.GetRequiredService<IOptions<PictureStoreOptions>>().Value,
            sp.GetRequiredService<IOptions<RegulatorBridgeOptions>>().Value.PictureDirectory, ingestPictureDirectory,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<UplinkPictures>()));
        builder.Services.AddSingleton<UploadAttemptRunner>();
        builder.Services.AddSingleton<HeartbeatSender>();
        builder.Services.AddSingleton<CommandProcessor>();
        builder.Services.AddHostedService<BridgeStartup>();
        AddHosted<LedgerRecordIntake>(builder.Services);
        AddHosted<Uploader>(builder.Services);
        AddHosted<CommandReceiver>(builder.Services);
        AddHosted<RateReporter>(builder.Services);
        AddHosted<DeviceStatusConsumer>(builder.Services);
        return builder;
    }

    private static void AddHosted<T>(IServiceCollection services) where T : class, IHostedService
    {
        services.AddSingleton<T>();
        services.AddHostedService(sp => sp.GetRequiredService<T>());
    }

    private static BridgeContext CreateContext(IServiceProvider sp, IConfigurationSection settings)
    {
        var o = sp.GetRequiredService<IOptions<RegulatorBridgeOptions>>().Value;
        if (string.IsNullOrWhiteSpace(o.EntCode))
            throw new InvalidOperationException("RegulatorBridge:EntCode 未配置（企业编码）");
        var profile = RegulatorProfiles.Create(o.Profile);
        settings.Bind(profile);
        var registry = ProfileRegistry.WithBuiltIns([profile], sp.GetServices<IPayloadMapping>());
        var compiled = registry.Get(profile.Name);
        var signer = KeySource.PrivateKey(o.PrivateKeyFile, o.PrivateKeyVariable);
        var platformKey = KeySource.PublicKey(o.PlatformPublicKeyFile, o.PlatformPublicKeyVariable);
        var time = sp.GetRequiredService<TimeProvider>();
        var builder = new EnvelopeBuilder(compiled.Profile.Envelope, new EnvelopeIdentity(o.AppId, o.EntCode), signer);
        var verifier = new EnvelopeVerifier(compiled.Profile.Envelope, platformKey);
        IRegulatorTransport transport = compiled.Profile.Transport switch
        {
            TransportKind.TcpJsonLines => new TcpTransport(compiled, verifier,
                (method, data) => builder.Build(method, data, time.GetUtcNow(), Guid.NewGuid().ToString("N")),
                new TcpLinkOptions(o.EntCode, o.TcpLoginMethod, o.ReconnectInitial, o.ReconnectMax), time,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<TcpTransport>()),
            _ => new HttpsTransport(compiled, verifier, time, o.Window().MaxOutstanding),
        };
        return new BridgeContext(compiled, new RegulatorClient(compiled, builder, transport, time), verifier, o.EntCode);
    }
}
