using System.Text;
using DataPlatform.Ingest.Devices;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static DataPlatform.Ingest.Tests.Fixtures;

namespace DataPlatform.Ingest.Tests;

public sealed class DeviceSecurityTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private static PushCredentials Signed(string secret, string deviceId, long ts, byte[] body) =>
        PushCredentials.None with { Timestamp = ts.ToString(System.Globalization.CultureInfo.InvariantCulture), Signature = HmacSignature.Compute(secret, deviceId, ts, body) };

    [Property]
    public Property A_correctly_signed_fresh_body_is_accepted(byte[] body, int skewSeconds)
    {
        body ??= [];
        var ts = Now.ToUnixTimeSeconds() + skewSeconds % 300;
        return (DeviceAuthenticator.Check(Dahua, Signed("dh-secret", Dahua.DeviceId, ts, body), body, Now, Skew) is null).ToProperty();
    }

    [Property]
    public Property Any_change_to_body_secret_device_or_signature_is_refused(byte[] body, byte[] other, NonEmptyString wrongSecret)
    {
        body ??= [];
        other ??= [];
        var ts = Now.ToUnixTimeSeconds();
        var good = Signed("dh-secret", Dahua.DeviceId, ts, body);
        var bodyChanged = !other.AsSpan().SequenceEqual(body) && DeviceAuthenticator.Check(Dahua, good, other, Now, Skew) is not null;
        var sameBody = other.AsSpan().SequenceEqual(body);
        var wrongKey = wrongSecret.Get == "dh-secret"
            || DeviceAuthenticator.Check(Dahua, Signed(wrongSecret.Get, Dahua.DeviceId, ts, body), body, Now, Skew) is not null;
        var otherDevice = DeviceAuthenticator.Check(Dahua, Signed("dh-secret", "cam-other", ts, body), body, Now, Skew) is not null;
        var flipped = good with { Signature = (good.Signature![0] == '0' ? "1" : "0") + good.Signature[1..] };
        var tampered = DeviceAuthenticator.Check(Dahua, flipped, body, Now, Skew) is not null;
        return ((bodyChanged || sameBody) && wrongKey && otherDevice && tampered).ToProperty();
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86400)]
    public void Stale_or_future_timestamps_are_refused(int offsetSeconds)
    {
        var body = Utf8("{}");
        var reason = DeviceAuthenticator.Check(Dahua, Signed("dh-secret", Dahua.DeviceId, Now.ToUnixTimeSeconds() + offsetSeconds, body), body, Now, Skew);
        Assert.Contains("stale", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_without_timestamp_is_refused() =>
        Assert.NotNull(DeviceAuthenticator.Check(Dahua, PushCredentials.None with { Signature = "00" }, [], Now, Skew));

    [Theory]
    [InlineData("Bearer hik-token", null, null, true)]
    [InlineData(null, "hik-token", null, true)]
    [InlineData(null, null, "hik-token", true)]
    [InlineData("Bearer hik-token2", null, null, false)]
    [InlineData(null, "HIK-TOKEN", null, false)]
    [InlineData(null, null, null, false)]
    public void Tokens_are_accepted_from_header_or_url_and_compared_exactly(string? authorization, string? header, string? query, bool ok)
    {
        var reason = DeviceAuthenticator.Check(Hikvision, new PushCredentials(authorization, header, query, null, null), [], Now, Skew);
        Assert.Equal(ok, reason is null);
    }

    [Fact]
    public void Basic_auth_carries_device_id_and_token()
    {
        string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        Assert.Null(DeviceAuthenticator.Check(Hikvision, PushCredentials.None with { Authorization = Basic("cam-hik-01", "hik-token") }, [], Now, Skew));
        Assert.NotNull(DeviceAuthenticator.Check(Hikvision, PushCredentials.None with { Authorization = Basic("cam-other", "hik-token") }, [], Now, Skew));
        Assert.NotNull(DeviceAuthenticator.Check(Hikvision, PushCredentials.None with { Authorization = "Basic !!!" }, [], Now, Skew));
    }

    [Fact]
    public void The_alarm_throttle_raises_once_per_interval_and_counts_the_rest()
    {
        var throttle = new AuthAlarmThrottle(TimeSpan.FromMinutes(1));
        Assert.True(throttle.ShouldRaise("cam", Now, out _));
        Assert.False(throttle.ShouldRaise("cam", Now.AddSeconds(10), out _));
        Assert.False(throttle.ShouldRaise("cam", Now.AddSeconds(20), out _));
        Assert.True(throttle.ShouldRaise("other", Now.AddSeconds(20), out _));
        Assert.True(throttle.ShouldRaise("cam", Now.AddSeconds(61), out var suppressed));
        Assert.Equal(2, suppressed);
    }

    [Fact]
    public void Registry_validates_devices_and_is_open_only_when_empty()
    {
        Assert.True(new DeviceRegistry([]).IsOpen);
        var registry = new DeviceRegistry([new DeviceOptions { DeviceId = "cam-1", Kind = "camera-dahua", EnterpriseId = "E1", GateId = "G1", Direction = "出厂", HmacSecret = "s" }]);
        Assert.False(registry.IsOpen);
        Assert.Equal(DataPlatform.Gate.Direction.Out, registry.Find("cam-1")?.Direction);
        Assert.Null(registry.Find("cam-2"));
        Assert.Throws<InvalidOperationException>(() => new DeviceRegistry([new DeviceOptions { DeviceId = "cam/1", Token = "t" }]));
        Assert.Throws<InvalidOperationException>(() => new DeviceRegistry([new DeviceOptions { DeviceId = "cam-1" }]));
        Assert.Throws<InvalidOperationException>(() => new DeviceRegistry([new DeviceOptions { DeviceId = "cam-1", Kind = "camera-hikvision", Token = "t" }]));
        Assert.Throws<InvalidOperationException>(() => new DeviceRegistry([new DeviceOptions { DeviceId = "c", Token = "t" }, new DeviceOptions { DeviceId = "c", Token = "u" }]));
    }

    [Fact]
    public void A_registration_never_prints_its_secrets() =>
        Assert.DoesNotContain("hik-token", Hikvision.ToString(), StringComparison.Ordinal);
}
