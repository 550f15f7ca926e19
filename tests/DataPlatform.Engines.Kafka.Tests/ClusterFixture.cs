namespace DataPlatform.Engines.Kafka.Tests;

/// <summary>One cluster per test class; tests use their own topics and groups on it.</summary>
public sealed class ClusterFixture : IDisposable
{
    public EmbeddedKafka Kafka { get; } = EmbeddedKafka.Start();

    public void Dispose() => Kafka.Dispose();
}
