using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.RegulatorSimulator;

public static class RegulatorSimulatorServiceCollectionExtensions
{
    /// <summary>Binds <see cref="RegulatorSimulatorOptions"/> from the "RegulatorSimulator" section and runs the
    /// simulator as a hosted service; resolve <see cref="RegulatorSimulatorHost"/> to reach the running instance.</summary>
    public static IServiceCollection AddRegulatorSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RegulatorSimulatorOptions>().Bind(configuration.GetSection(RegulatorSimulatorOptions.SectionName));
        services.AddSingleton<RegulatorSimulatorHost>();
        services.AddHostedService(sp => sp.GetRequiredService<RegulatorSimulatorHost>());
        return services;
    }
}
