using System.ComponentModel.DataAnnotations;
using DataPlatform.Engines.ClickHouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DataPlatform.Cli.Standalone;

/// <summary>Standalone's memory settings after configuration: <see cref="StandaloneOptions"/>' defaults, each
/// overridden by <c>Standalone:ClickHouseMemory:*</c> and <c>Standalone:MallocTrimSeconds</c> (appsettings.json or
/// <c>DATAPLATFORM_Standalone__…</c>), validated before anything starts.</summary>
public sealed record StandaloneMemory(EngineMemoryOptions ClickHouse, int MallocTrimSeconds)
{
    private const string MallocTrimKey = "Standalone:MallocTrimSeconds";

    /// <exception cref="OptionsValidationException">A setting is out of range; the message names it.</exception>
    public static StandaloneMemory Bind(StandaloneOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var clickHouse = options.ClickHouseMemory;
        configuration.GetSection(EngineMemoryOptions.Section).Bind(clickHouse);
        var trimSeconds = configuration.GetValue(MallocTrimKey, options.MallocTrimSeconds);
        try
        {
            clickHouse.Validate();
        }
        catch (ValidationException ex)
        {
            throw Invalid(typeof(EngineMemoryOptions), $"{EngineMemoryOptions.Section}: {ex.Message}");
        }
        if (trimSeconds is < 0 or > 3600) throw Invalid(typeof(StandaloneOptions), $"{MallocTrimKey} = {trimSeconds}: must be 0 (off) … 3600");
        return new StandaloneMemory(clickHouse, trimSeconds);
    }

    private static OptionsValidationException Invalid(Type options, string message) => new(options.Name, options, [message]);
}
