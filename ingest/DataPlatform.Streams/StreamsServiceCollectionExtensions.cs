using DataPlatform.Streams.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataPlatform.Streams;

public static class StreamsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="KafkaOptions"/> from the <c>Kafka</c> section and adds the process's one
    /// <see cref="SharedProducer"/>; every stage calls this (more than once in one process is harmless).</summary>
    public static IHostApplicationBuilder AddStreams(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KafkaOptions>().BindConfiguration("Kafka").ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaOptions>, KafkaOptionsValidation>());
        builder.Services.TryAddSingleton<SharedProducer>();
        builder.Services.TryAddSingleton<DeadLetterProducer>();
        return builder;
    }
}
