using DataPlatform.Processing.Registers;
using DataPlatform.Processing.Registers.National;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// In the role's namespace so ProcessingServiceCollectionExtensions calls it without another using.
namespace DataPlatform.Processing;

public static class RegistersServiceCollectionExtensions
{
    /// <summary>Registers: <c>registry.changes</c> → register versions + audit log + the gate's registry; gate
    /// events → in-plant movements and non-road sightings (with the unregistered-machinery alarm); unknown vehicles
    /// → national-platform lookups when <c>Processing:Registers:NationalPlatformUrl</c> is set. Needs the gate
    /// decisions (the policy store) for the lookups; <c>Processing:Registers:Enabled=false</c> leaves it out.</summary>
    public static IHostApplicationBuilder AddRegisters(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RegistersOptions>().BindConfiguration("Processing:Registers");
        if (!builder.Configuration.GetValue("Processing:Registers:Enabled", true))
            return builder;
        var services = builder.Services;
        services.AddSingleton<RegisterLedger>();
        services.AddSingleton<RegistryCommandPublisher>();
        services.AddSingleton<RegistryChangeConsumer>();
        services.AddHostedService(sp => sp.GetRequiredService<RegistryChangeConsumer>());
        // Policy store and command consumer are optional constructor parameters: absent when decisions are disabled.
        services.AddSingleton<RegistryReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<RegistryReconciler>());
        services.AddSingleton<RegisteredPlates>();
        services.AddSingleton<RegisterSightingSettings>();
        // The policy store and the alarm pipeline are optional constructor parameters: absent when disabled.
        services.AddSingleton<SightingRecorder>();
        services.AddSingleton<RegisterSightingConsumer>();
        services.AddHostedService(sp => sp.GetRequiredService<RegisterSightingConsumer>());
        services.AddSingleton<WorkAreaSightingConsumer>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkAreaSightingConsumer>());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Processing:Registers:NationalPlatformUrl"])
            && builder.Configuration.GetValue("Processing:Decisions:Enabled", true))
        {
            services.AddSingleton<INationalVehiclePlatform>(sp => new NationalPlatformClient(new HttpClient(),
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RegistersOptions>>()));
            services.AddSingleton<UnknownVehicleLearner>();
            services.AddHostedService(sp => sp.GetRequiredService<UnknownVehicleLearner>());
        }
        return builder;
    }
}
