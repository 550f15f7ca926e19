using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace DataPlatform.Engines.Kafka.Native;

/// <summary>
/// Confluent.Kafka keeps the rd_kafka_t* in an internal SafeHandle (<c>Handle.LibrdkafkaHandle</c>)
/// and offers no public accessor, so reflection is the only way to reach the mock cluster it hosts.
/// </summary>
internal static class ClientHandle
{
    public static IntPtr RawPointer(IClient client)
    {
        var handle = client.Handle;
        var property = handle.GetType().GetProperty("LibrdkafkaHandle", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            ?? throw new MissingMemberException(
                $"Confluent.Kafka {typeof(IClient).Assembly.GetName().Version} no longer exposes Handle.LibrdkafkaHandle.");
        if (property.GetValue(handle) is not SafeHandle safe || safe.IsInvalid || safe.IsClosed)
        {
            throw new InvalidOperationException("The Confluent client has no live librdkafka handle.");
        }
        // The owning client lives as long as EmbeddedKafka, which serialises every use against its disposal.
        return safe.DangerousGetHandle();
    }
}
