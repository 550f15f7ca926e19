using System.Text.Json;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Transports;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.RegulatorBridge.Tests;

/// <summary>Whatever order a persistent link's acks come back in, and however they name their request, each
/// request gets its own answer, and answers repeated or naming nothing pending are dropped.</summary>
public sealed class PendingRepliesProperties
{
    private static readonly EnvelopeStyle Style = new();

    [Property(MaxTest = 200)]
    public Property Each_request_gets_its_own_answer_in_any_order(PositiveInt count, int seed, bool[] byNonce)
    {
        var n = Math.Min(count.Get, 40);
        var pending = new PendingReplies();
        var waits = Enumerable.Range(0, n).Select(i => pending.Register($"n{i}", $"R-{i}")).ToList();
        var random = new Random(seed);
        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToList();
        var duplicates = 0;
        foreach (var i in order.Concat(order.Take(n / 2)))
        {
            var echoNonce = byNonce.Length > 0 && byNonce[i % byNonce.Length];
            var json = JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["code"] = "0",
                ["nonce"] = echoNonce ? $"n{i}" : "platform-" + i,
                ["data"] = echoNonce ? "{}" : $"{{\"recordId\":\"R-{i}\"}}",
            });
            EnvelopeReader.TryRead(json, out var answer, out _);
            if (!pending.TryComplete(answer!, $"answer-{i}", Style, "recordId"))
                duplicates++;
        }
        return (waits.Select((w, i) => w.IsCompletedSuccessfully && w.Result == $"answer-{i}").All(ok => ok)
                && duplicates == n / 2
                && pending.Count == 0).ToProperty();
    }
}
