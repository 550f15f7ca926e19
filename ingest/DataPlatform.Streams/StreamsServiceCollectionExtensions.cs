using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Streams;

public static class StreamsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="KafkaOptions"/> from the <c>Kafka</c> section; every stage calls this.</summary>
    public static IHostApplicationBuilder AddStreams(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KafkaOptions>().BindConfiguration("Kafka");
        builder.Services.AddSingleton<DeadLetterProducer>();
        return builder;
    }
}
