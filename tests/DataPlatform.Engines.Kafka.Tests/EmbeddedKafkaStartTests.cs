using System.Net.Sockets;

namespace DataPlatform.Engines.Kafka.Tests;

public sealed class EmbeddedKafkaStartTests
{
    [Fact]
    public void Bootstrap_list_names_every_broker_and_their_metadata_agrees()
    {
        using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Brokers = 3 });

        var addresses = kafka.BootstrapServers.Split(',');
        Assert.Equal(3, addresses.Length);
        Assert.All(addresses, a => Assert.StartsWith("127.0.0.1:", a, StringComparison.Ordinal));
        var ports = addresses.Select(a => int.Parse(a.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(3, ports.Count);

        var brokers = Clients.Metadata(kafka.BootstrapServers).Brokers;
        Assert.Equal([1, 2, 3], brokers.Select(b => b.BrokerId).Order());
        Assert.Equal(ports, brokers.Select(b => b.Port).ToHashSet());
    }

    [Fact]
    public void Topics_from_options_exist_when_start_returns()
    {
        using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { ["orders"] = 5, ["audit.log"] = 1 } });

        Assert.Equal(5, Clients.PartitionCount(kafka.BootstrapServers, "orders"));
        Assert.Equal(1, Clients.PartitionCount(kafka.BootstrapServers, "audit.log"));
    }

    [Fact]
    public void Default_partitions_apply_to_topics_created_without_a_count()
    {
        using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Brokers = 1, DefaultPartitions = 7 });

        kafka.CreateTopic("events");

        Assert.Equal(7, Clients.PartitionCount(kafka.BootstrapServers, "events"));
    }

    [Fact]
    public void Two_clusters_in_one_process_are_independent()
    {
        using var first = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Brokers = 1 });
        using var second = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Brokers = 1 });

        first.CreateTopic("only-in-first", 2);

        Assert.NotEqual(first.BootstrapServers, second.BootstrapServers);
        Assert.Equal(2, Clients.PartitionCount(first.BootstrapServers, "only-in-first"));
        Assert.Null(Clients.PartitionCount(second.BootstrapServers, "only-in-first"));
    }

    [Fact]
    public void Dispose_closes_the_listeners_and_rejects_further_calls()
    {
        var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Brokers = 2 });
        var addresses = kafka.BootstrapServers.Split(',');
        using (var open = new TcpClient())
        {
            open.Connect("127.0.0.1", Port(addresses[0]));
        }

        kafka.Dispose();
        kafka.Dispose();

        foreach (var address in addresses)
        {
            using var client = new TcpClient();
            Assert.ThrowsAny<SocketException>(() => client.Connect("127.0.0.1", Port(address)));
        }
        Assert.Throws<ObjectDisposedException>(() => kafka.CreateTopic("late", 1));
        Assert.Throws<ObjectDisposedException>(() => kafka.SetBrokerDown(1, true));
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(3, 0)]
    public void Invalid_sizes_are_rejected(int brokers, int defaultPartitions) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            EmbeddedKafka.Start(new EmbeddedKafkaOptions { Brokers = brokers, DefaultPartitions = defaultPartitions }));

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("..")]
    [InlineData("slash/name")]
    public void Illegal_topic_names_in_options_are_rejected(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { [name] = 1 } }));

    private static int Port(string address) =>
        int.Parse(address.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
}
