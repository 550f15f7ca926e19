using System.Runtime.InteropServices;
using System.Text;

namespace DataPlatform.Engines.Kafka.Native;

/// <summary>
/// The subset of librdkafka's experimental rdkafka_mock.h we use. Bound through function pointers
/// looked up in <see cref="LibrdkafkaLibrary"/> rather than [DllImport], so binding can never pick a
/// different librdkafka copy than the one Confluent.Kafka runs on. Error results are
/// rd_kafka_resp_err_t, whose values match <see cref="Confluent.Kafka.ErrorCode"/>.
/// </summary>
internal static unsafe class MockApi
{
    private static readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr> HandleMockCluster =
        (delegate* unmanaged[Cdecl]<IntPtr, IntPtr>)Export("rd_kafka_handle_mock_cluster");
    private static readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr> ClusterBootstraps =
        (delegate* unmanaged[Cdecl]<IntPtr, IntPtr>)Export("rd_kafka_mock_cluster_bootstraps");
    private static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, int, int, int> TopicCreate =
        (delegate* unmanaged[Cdecl]<IntPtr, byte*, int, int, int>)Export("rd_kafka_mock_topic_create");
    private static readonly delegate* unmanaged[Cdecl]<IntPtr, int, void> InitialRebalanceDelay =
        (delegate* unmanaged[Cdecl]<IntPtr, int, void>)Export("rd_kafka_mock_group_initial_rebalance_delay_ms");
    private static readonly delegate* unmanaged[Cdecl]<IntPtr, int, int> BrokerSetDown =
        (delegate* unmanaged[Cdecl]<IntPtr, int, int>)Export("rd_kafka_mock_broker_set_down");
    private static readonly delegate* unmanaged[Cdecl]<IntPtr, int, int> BrokerSetUp =
        (delegate* unmanaged[Cdecl]<IntPtr, int, int>)Export("rd_kafka_mock_broker_set_up");
    private static readonly delegate* unmanaged[Cdecl]<IntPtr, int, int, int> BrokerSetRtt =
        (delegate* unmanaged[Cdecl]<IntPtr, int, int, int>)Export("rd_kafka_mock_broker_set_rtt");
    private static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, int, int, int> PartitionSetLeader =
        (delegate* unmanaged[Cdecl]<IntPtr, byte*, int, int, int>)Export("rd_kafka_mock_partition_set_leader");
    private static readonly delegate* unmanaged[Cdecl]<IntPtr, short, nuint, int*, void> PushRequestErrorsArray =
        (delegate* unmanaged[Cdecl]<IntPtr, short, nuint, int*, void>)Export("rd_kafka_mock_push_request_errors_array");
    private static readonly delegate* unmanaged[Cdecl]<IntPtr, short, void> ClearRequestErrors =
        (delegate* unmanaged[Cdecl]<IntPtr, short, void>)Export("rd_kafka_mock_clear_request_errors");

    private static IntPtr Export(string name) => NativeLibrary.GetExport(LibrdkafkaLibrary.Handle, name);

    public static IntPtr MockClusterOf(IntPtr rk) => HandleMockCluster(rk);

    public static string Bootstraps(IntPtr mc) =>
        Marshal.PtrToStringUTF8(ClusterBootstraps(mc)) ?? throw new InvalidOperationException("Mock cluster has no bootstrap list.");

    public static int CreateTopic(IntPtr mc, string topic, int partitions, int replicationFactor)
    {
        fixed (byte* name = Utf8(topic))
        {
            return TopicCreate(mc, name, partitions, replicationFactor);
        }
    }

    public static void SetInitialRebalanceDelay(IntPtr mc, int delayMs) => InitialRebalanceDelay(mc, delayMs);

    public static int SetBrokerDown(IntPtr mc, int brokerId) => BrokerSetDown(mc, brokerId);

    public static int SetBrokerUp(IntPtr mc, int brokerId) => BrokerSetUp(mc, brokerId);

    public static int SetBrokerRtt(IntPtr mc, int brokerId, int rttMs) => BrokerSetRtt(mc, brokerId, rttMs);

    public static int SetPartitionLeader(IntPtr mc, string topic, int partition, int brokerId)
    {
        fixed (byte* name = Utf8(topic))
        {
            return PartitionSetLeader(mc, name, partition, brokerId);
        }
    }

    public static void PushRequestErrors(IntPtr mc, short apiKey, int[] errors)
    {
        fixed (int* errs = errors)
        {
            PushRequestErrorsArray(mc, apiKey, (nuint)errors.Length, errs);
        }
    }

    public static void ClearErrors(IntPtr mc, short apiKey) => ClearRequestErrors(mc, apiKey);

    private static byte[] Utf8(string value)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }
}
