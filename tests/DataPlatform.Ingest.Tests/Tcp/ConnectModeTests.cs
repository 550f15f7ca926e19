using System.Net;
using System.Net.Sockets;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Health;
using DataPlatform.Simulation;
using FsCheck.Xunit;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataPlatform.Ingest.Tests.Tcp;

/// <summary>
/// Connect mode against a real socket server: the test's <see cref="TcpListener"/> plays the serial-to-Ethernet
/// converter set up as TCP server (the device side of the line, as the weighbridge's converter would be), and the
/// platform's <see cref="TcpDeviceConnector"/> dials it, reads the indicator's frames, and re-dials after drops.
/// </summary>
public sealed class ConnectModeTests
{
    private const int FrameBytes = 9; // XK3190 '=': '=' + 7 characters + the sign position

    private static byte[] Weighing(decimal kg) =>
        IndicatorFrames.Weighing(TcpProtocol.Xk3190Equals, new SimulatedWeighing("dev-01", "冀B12345", kg, true, "煤", DateTimeOffset.UtcNow), "E1302001");

    private sealed class Connected : IAsyncDisposable
    {
        public required TcpDeviceConnector Connector { get; init; }
        public required CollectingSink Sink { get; init; }
        public required DeviceHealthTracker Health { get; init; }

        public IEnumerable<decimal> Weighed => Sink.Messages.OfType<WeighingMessage>().Select(m => m.Weighing.WeightKg);

        public async ValueTask DisposeAsync()
        {
            await Connector.StopAsync(CancellationToken.None);
            Connector.Dispose();
        }
    }

    private static async Task<Connected> ConnectAsync(int port)
    {
        var options = TcpHarness.Options("weighbridge", "xk3190-equals");
        options.Listen = "";
        options.Connect = $"127.0.0.1:{port}";
        options.ReconnectMinMs = 50;
        options.ReconnectMaxMs = 300;
        var config = TcpDeviceConfig.From(options, new DeviceRegistry([options]).Find(options.DeviceId)!);
        var health = new DeviceHealthTracker([options.DeviceId], TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow);
        var sink = new CollectingSink();
        var connector = new TcpDeviceConnector(config, TcpDeviceHandler.Create(config), sink, health, TimeProvider.System,
            NullLogger<TcpDeviceConnector>.Instance);
        await connector.StartAsync(CancellationToken.None);
        return new Connected { Connector = connector, Sink = sink, Health = health };
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }

    private static async Task<TcpClient> AcceptAsync(TcpListener converter)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await converter.AcceptTcpClientAsync(timeout.Token);
    }

    [Fact]
    public async Task A_line_dropped_mid_frame_loses_nothing_whole_corrupts_nothing_and_reconnects()
    {
        var converter = new TcpListener(IPAddress.Loopback, 0);
        converter.Start();
        try
        {
            await using var platform = await ConnectAsync(((IPEndPoint)converter.LocalEndpoint).Port);

            // First connection: two whole weighings, then the line dies inside a frame of the third's ramp.
            using (var first = await AcceptAsync(converter))
            {
                var stream = first.GetStream();
                await stream.WriteAsync((byte[])[.. Weighing(49_820m), .. Weighing(17_360m)]);
                await Until(() => platform.Weighed.Count() == 2, "the first two weighings");
                var third = Weighing(31_000m);
                var cut = 3 * FrameBytes + 4; // two empty readings, a ramp reading, half of the next
                await stream.WriteAsync(third.AsMemory(0, cut));
                await Until(() => platform.Health.Snapshot(DateTimeOffset.UtcNow).Single().LastSeen is not null, "a sign of life");
                await Task.Delay(300); // let the half frame reach the platform before the reset
                first.Client.LingerState = new LingerOption(true, 0); // power loss: RST, not a clean close
            }

            // The platform re-dials; the indicator keeps streaming: the third weighing again from the start, a fourth.
            using (var second = await AcceptAsync(converter))
            {
                await second.GetStream().WriteAsync((byte[])[.. Weighing(31_000m), .. Weighing(2_480m)]);
                await Until(() => platform.Weighed.Count() >= 4, "the weighings after the reconnect");
                await Task.Delay(200);
            }

            Assert.Equal([49_820m, 17_360m, 31_000m, 2_480m], platform.Weighed);
            var letter = Assert.Single(platform.Sink.Letters);
            Assert.Equal("dev-01", letter.Source);
            Assert.Contains("stream ended inside a frame", letter.Reason);
            Assert.Equal(Weighing(31_000m).AsSpan(3 * FrameBytes, 4).ToArray(), letter.Payload);
            Assert.Equal(2, platform.Connector.Connects);
        }
        finally
        {
            converter.Stop();
        }
    }

    [Fact]
    public async Task An_unreachable_converter_is_offline_at_once_and_online_again_when_it_answers()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop(); // nothing listens there now: every dial is refused

        await using var platform = await ConnectAsync(port);
        await Until(() => platform.Health.Snapshot(DateTimeOffset.UtcNow).Single().Status == DeviceStatus.Offline, "offline");
        var down = platform.Health.Evaluate(DateTimeOffset.UtcNow);
        Assert.Equal((DeviceStatus.Offline, true), (Assert.Single(down).Status, down[0].Unreachable));

        var converter = new TcpListener(IPAddress.Loopback, port);
        converter.Start();
        try
        {
            using var client = await AcceptAsync(converter);
            await client.GetStream().WriteAsync(Weighing(12_000m));
            await Until(() => platform.Weighed.Count() == 1, "the weighing");
            Assert.Equal(DeviceStatus.Online, platform.Health.Snapshot(DateTimeOffset.UtcNow).Single().Status);
            Assert.Equal(DeviceStatus.Online, Assert.Single(platform.Health.Evaluate(DateTimeOffset.UtcNow)).Status);
            Assert.Equal([12_000m], platform.Weighed);
        }
        finally
        {
            converter.Stop();
        }
    }

    [Theory]
    [InlineData("127.0.0.1:4001", "0.0.0.0:4001", "not both")]
    [InlineData("no-port", "", "not host:port")]
    [InlineData("10.0.5.21:0", "", "not host:port")]
    public void Bad_connect_settings_stop_the_start_with_the_reason(string connect, string listen, string reason)
    {
        var options = TcpHarness.Options("weighbridge", "xk3190-equals");
        options.Connect = connect;
        options.Listen = listen;
        var e = Assert.Throws<InvalidOperationException>(() => TcpDeviceConfig.From(options, new DeviceRegistry([options]).Find("dev-01")!));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void A_converter_may_be_named_by_host_name()
    {
        var options = TcpHarness.Options("qr");
        options.Listen = "";
        options.Connect = "converter-g01.plant.local:4003";
        var config = TcpDeviceConfig.From(options, new DeviceRegistry([options]).Find("dev-01")!);
        Assert.Equal(new DnsEndPoint("converter-g01.plant.local", 4003), config.Connect);
        Assert.Null(config.Listen);
    }

    [Property(MaxTest = 200)]
    public bool Back_off_stays_between_half_the_step_and_the_cap(int failures, double unit, ushort minMs, ushort spanMs)
    {
        var min = TimeSpan.FromMilliseconds(10 + minMs);
        var max = min + TimeSpan.FromMilliseconds(spanMs);
        var u = double.IsFinite(unit) ? Math.Abs(unit % 1) : 0.5;
        var delay = ReconnectBackoff.Delay(failures, min, max, u);
        var step = TimeSpan.FromTicks((long)Math.Min(min.Ticks * Math.Pow(2, Math.Clamp(failures, 0, 30)), max.Ticks));
        return delay <= max && delay <= step && delay >= step / 2 - TimeSpan.FromTicks(1)
               && ReconnectBackoff.Delay(failures + 1, min, max, u) >= delay - TimeSpan.FromTicks(1);
    }
}
