using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ingest.Adapters.Tcp;

public static class TcpIngestRegistration
{
    /// <summary>One <see cref="TcpDeviceListener"/> (listen) or <see cref="TcpDeviceConnector"/> (connect) hosted
    /// service per <c>Ingest:Devices</c> entry with a <c>listen</c> or <c>connect</c> address. The list is read from configuration here because hosted
    /// services are registered before the container exists; each listener validates its settings when it is
    /// created at start, so a bad entry stops the start with the reason.</summary>
    public static IServiceCollection AddTcpDeviceListeners(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TcpListenerDirectory>();
        services.AddSingleton<ITcpRecordSink, DurableTcpSink>();
        var devices = configuration.GetSection("Ingest:Devices").Get<List<DeviceOptions>>() ?? [];
        foreach (var id in devices.Where(TcpDeviceConfig.IsTcp).Select(d => d.DeviceId).Distinct())
        {
            // AddHostedService would de-duplicate same-typed factories: register each listener directly.
            services.AddSingleton<IHostedService>(sp => Create(sp, id));
        }
        return services;
    }

    private static IHostedService Create(IServiceProvider sp, string deviceId)
    {
        var options = sp.GetRequiredService<IOptions<IngestOptions>>().Value.Devices.First(d => d.DeviceId == deviceId);
        var registration = sp.GetRequiredService<DeviceRegistry>().Find(deviceId)
                           ?? throw new InvalidOperationException($"Ingest:Devices '{deviceId}' is not registered");
        var config = TcpDeviceConfig.From(options, registration);
        if (config.Connect is not null)
            return new TcpDeviceConnector(config, TcpDeviceHandler.Create(config), sp.GetRequiredService<ITcpRecordSink>(),
                sp.GetRequiredService<DeviceHealthTracker>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TcpDeviceConnector>>());
        return new TcpDeviceListener(config, TcpDeviceHandler.Create(config), sp.GetRequiredService<ITcpRecordSink>(),
            sp.GetRequiredService<DeviceHealthTracker>(), sp.GetRequiredService<AuthAlarmThrottle>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<TcpListenerDirectory>(), sp.GetRequiredService<ILogger<TcpDeviceListener>>());
    }
}
