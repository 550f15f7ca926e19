using System.Text.Json;
using DataPlatform.RegulatorBridge.Envelope;

namespace DataPlatform.RegulatorBridge.Transports;

/// <summary>Requests waiting for their answer on a persistent link, where answers come back asynchronously and
/// possibly out of order, twice or never. An answer is matched by the request nonce it echoes, else by the record
/// id in its data, else (answers naming nothing, e.g. to a login or heartbeat) by the oldest request without a
/// record id. An answer that matches nothing (a duplicate or a late ack) is dropped: the retry gets its own.</summary>
public sealed class PendingReplies
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Waiter> _byNonce = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Waiter> _byRecord = new(StringComparer.Ordinal);
    private readonly LinkedList<Waiter> _anonymous = new();

    public int Count
    {
        get { lock (_gate) return _byNonce.Count; }
    }

    public Task<string> Register(string nonce, string? recordId)
    {
        var waiter = new Waiter(nonce, recordId);
        lock (_gate)
        {
            _byNonce[nonce] = waiter;
            if (recordId is not null)
                _byRecord[recordId] = waiter;
            else
                waiter.Node = _anonymous.AddLast(waiter);
        }
        return waiter.Reply.Task;
    }

    public void Forget(string nonce)
    {
        lock (_gate)
            if (_byNonce.TryGetValue(nonce, out var waiter))
                Remove(waiter);
    }

    /// <summary>Completes the request the answer belongs to; false when none does.</summary>
    public bool TryComplete(ReceivedEnvelope answer, string rawLine, EnvelopeStyle style, string recordIdWireName)
    {
        lock (_gate)
        {
            Waiter? waiter = null;
            if (answer.Get(style.NonceField) is { } nonce)
                _byNonce.TryGetValue(nonce, out waiter);
            if (waiter is null && RecordIdOf(answer.Get(style.DataField), recordIdWireName) is { } id)
                _byRecord.TryGetValue(id, out waiter);
            if (waiter is null && _anonymous.First is { } first)
                waiter = first.Value;
            if (waiter is null)
                return false;
            Remove(waiter);
            waiter.Reply.TrySetResult(rawLine);
            return true;
        }
    }

    /// <summary>Fails every waiting request (the connection dropped: their outcome is unknown).</summary>
    public void FailAll(string reason)
    {
        List<Waiter> all;
        lock (_gate)
        {
            all = [.. _byNonce.Values];
            _byNonce.Clear();
            _byRecord.Clear();
            _anonymous.Clear();
        }
        foreach (var waiter in all)
            waiter.Reply.TrySetException(new IOException(reason));
    }

    private void Remove(Waiter waiter)
    {
        _byNonce.Remove(waiter.Nonce);
        if (waiter.RecordId is not null)
            _byRecord.Remove(waiter.RecordId);
        if (waiter.Node is not null)
            _anonymous.Remove(waiter.Node);
        waiter.Node = null;
    }

    internal static string? RecordIdOf(string? data, string wireName)
    {
        if (string.IsNullOrWhiteSpace(data))
            return null;
        try
        {
            using var document = JsonDocument.Parse(data);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(wireName, out var value)
                && value.ValueKind == JsonValueKind.String
                    ? value.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class Waiter(string nonce, string? recordId)
    {
        public string Nonce { get; } = nonce;
        public string? RecordId { get; } = recordId;
        public LinkedListNode<Waiter>? Node { get; set; }
        public TaskCompletionSource<string> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
