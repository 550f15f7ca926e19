using DataPlatform.Gate;

namespace DataPlatform.Devices.Tests;

internal static class FramerAssert
{
    /// <summary>Each result is exactly one of value and rejection, and a rejection has a code and a reason.</summary>
    public static void WellFormed<T>(IEnumerable<DeviceResult<T>> results) where T : class
    {
        foreach (var r in results)
        {
            Assert.True(r.Value is null ^ r.Rejection is null);
            if (r.Rejection is Rejection rejection)
            {
                Assert.False(string.IsNullOrWhiteSpace(rejection.Code));
                Assert.False(string.IsNullOrWhiteSpace(rejection.Reason));
            }
        }
    }

    /// <summary>Pushes <paramref name="bytes"/> cut at the given points (taken modulo the length).</summary>
    public static List<DeviceResult<T>> PushSplit<T>(StreamFramer<T> framer, byte[] bytes, IEnumerable<int> cuts) where T : class
    {
        var points = cuts.Select(c => bytes.Length == 0 ? 0 : Math.Abs(c % (bytes.Length + 1))).Append(0).Append(bytes.Length)
            .Distinct().Order().ToArray();
        var results = new List<DeviceResult<T>>();
        for (var i = 0; i + 1 < points.Length; i++)
            results.AddRange(framer.Push(bytes.AsSpan(points[i], points[i + 1] - points[i])));
        return results;
    }

    public static List<T> Frames<T>(IEnumerable<DeviceResult<T>> results) where T : class =>
        results.Where(r => r.IsSuccess).Select(r => r.Value!).ToList();
}
