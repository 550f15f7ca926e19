using DataPlatform.Ingest.Health;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static DataPlatform.Ingest.Tests.Fixtures;

namespace DataPlatform.Ingest.Tests;

public sealed class DeviceHealthTrackerTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    private static readonly string[] Devices = ["a", "b", "c"];

    /// <summary>One step of a device's life: a message from a device, or the clock moving on (and the monitor
    /// evaluating), by some seconds.</summary>
    private sealed record Step(string? SeenDevice, int AdvanceSeconds);

    private static Gen<Step> Steps =>
        Gen.OneOf(
            Gen.Elements(Devices.Append("unregistered").ToArray()).Select(d => new Step(d, 0)),
            Gen.Choose(0, 90).Select(s => new Step(null, s)));

    [Property(MaxTest = 300)]
    public Property Never_online_without_a_message_within_the_window() =>
        Prop.ForAll(Steps.ListOf().ToArbitrary(), steps =>
        {
            var tracker = new DeviceHealthTracker(Devices, Window, Now);
            var lastSeen = new Dictionary<string, DateTimeOffset>();
            var now = Now;
            var published = Devices.ToDictionary(d => d, _ => DeviceStatus.Unknown);
            foreach (var step in steps)
            {
                if (step.SeenDevice is { } d)
                {
                    tracker.Seen(d, now);
                    lastSeen[d] = now;
                }
                now = now.AddSeconds(step.AdvanceSeconds);
                foreach (var t in tracker.Evaluate(now))
                {
                    // A transition always changes the status, and "online" only with a recent message.
                    if (t.Status == published[t.DeviceId]) return false;
                    if (t.Status == DeviceStatus.Online && !(lastSeen.TryGetValue(t.DeviceId, out var s) && now - s <= Window)) return false;
                    published[t.DeviceId] = t.Status;
                }
                foreach (var h in tracker.Snapshot(now))
                    if (h.Status == DeviceStatus.Online && !(lastSeen.TryGetValue(h.DeviceId, out var s) && now - s <= Window)) return false;
            }
            return !tracker.Snapshot(now).Any(h => h.DeviceId == "unregistered");
        });

    [Fact]
    public void A_device_goes_online_on_a_message_and_offline_after_the_silence()
    {
        var tracker = new DeviceHealthTracker(["cam"], Window, Now);
        Assert.Empty(tracker.Evaluate(Now.AddSeconds(1)));
        tracker.Seen("cam", Now.AddSeconds(2));
        var online = Assert.Single(tracker.Evaluate(Now.AddSeconds(3)));
        Assert.Equal(DeviceStatus.Online, online.Status);
        Assert.Empty(tracker.Evaluate(Now.AddSeconds(62)));
        var offline = Assert.Single(tracker.Evaluate(Now.AddSeconds(63)));
        Assert.Equal((DeviceStatus.Offline, (DateTimeOffset?)Now.AddSeconds(2)), (offline.Status, offline.LastSeen));
        Assert.Empty(tracker.Evaluate(Now.AddSeconds(200)));
    }

    [Fact]
    public void A_device_never_heard_from_is_offline_after_one_window()
    {
        var tracker = new DeviceHealthTracker(["cam"], Window, Now);
        Assert.Equal(DeviceStatus.Unknown, tracker.Snapshot(Now.AddSeconds(59)).Single().Status);
        Assert.Equal(DeviceStatus.Offline, Assert.Single(tracker.Evaluate(Now.AddSeconds(61))).Status);
    }
}
