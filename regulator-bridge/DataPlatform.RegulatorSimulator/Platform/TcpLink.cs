using System.Net.Sockets;
using DataPlatform.RegulatorBridge.Framing;
using DataPlatform.RegulatorSimulator.Faults;

namespace DataPlatform.RegulatorSimulator.Platform;

/// <summary>One persistent JSON-lines connection. Lines are verified and stored in arrival order; an answer held
/// back by a slow-response fault is written later, after the acks of later lines, which is how real platforms
/// with asynchronous acks behave. All writes (acks and pushed commands) go through one lock so lines never
/// interleave.</summary>
internal sealed class TcpLink
{
    private static readonly TimeSpan DefaultSlow = TimeSpan.FromSeconds(2);

    private readonly PlatformCore _core;
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly CancellationTokenSource _closed;
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly LineSplitter _lines;
    private volatile string? _enterprise;

    public TcpLink(PlatformCore core, TcpClient client, CancellationToken stop)
    {
        _core = core;
        _client = client;
        _stream = client.GetStream();
        _closed = CancellationTokenSource.CreateLinkedTokenSource(stop);
        _lines = new LineSplitter(core.TcpProfile!.Profile.Tcp.MaxLineBytes);
    }

    /// <summary>Set by the first verified line (LOGIN or any other).</summary>
    public string? EnterpriseCode => _enterprise;

    public bool IsClosed => _closed.IsCancellationRequested;

    public async Task RunAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (!_closed.IsCancellationRequested)
            {
                var n = await _stream.ReadAsync(buffer, _closed.Token).ConfigureAwait(false);
                if (n == 0)
                    break;
                foreach (var line in _lines.Feed(buffer.AsSpan(0, n)))
                {
                    if (!line.IsValid)
                    {
                        await ExecuteAsync(_core.RefuseUnreadable(_core.TcpProfile!, PlatformCore.Tcp, line.Error!)).ConfigureAwait(false);
                        continue;
                    }
                    var processing = _core.ProcessAsync(line.Text, _core.TcpProfile!, PlatformCore.Tcp, null);
                    if (processing.IsCompleted)
                        await ExecuteAsync(await processing.ConfigureAwait(false)).ConfigureAwait(false);
                    else
                        _ = CompleteLaterAsync(processing);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // The peer went away or the simulator stops; either ends this link.
        }
        finally
        {
            Close();
        }
    }

    /// <summary>Pushes one newly issued command (or, with null, every command due) down the link.</summary>
    public async Task PushAsync(string? commandId)
    {
        if (_enterprise is not { } ent || IsClosed)
            return;
        foreach (var wire in _core.Commands.TakeForPush(ent, _core.TcpProfile!, commandId))
            await WriteLineAsync(wire).ConfigureAwait(false);
    }

    public void Close()
    {
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
        _client.Dispose();
    }

    private async Task CompleteLaterAsync(Task<Reply> processing)
    {
        try
        {
            await ExecuteAsync(await processing.ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task ExecuteAsync(Reply reply)
    {
        var login = reply.EnterpriseCode is { } ent && _enterprise is null;
        if (login)
            _enterprise = reply.EnterpriseCode;
        switch (reply.FaultKind)
        {
            case FaultKind.Timeout or FaultKind.LostAck:
                break;
            case FaultKind.DropConnection:
                Close();
                return;
            case FaultKind.SlowResponse when reply.Fault!.EffectiveStage == FaultStage.AfterStore:
                _ = WriteLaterAsync(reply, reply.FaultDelay(DefaultSlow));
                break;
            case FaultKind.DuplicateAck:
                await WriteAsync(reply).ConfigureAwait(false);
                await WriteAsync(reply).ConfigureAwait(false);
                break;
            default:
                await WriteAsync(reply).ConfigureAwait(false);
                break;
        }
        if (login)
            await PushAsync(null).ConfigureAwait(false);
    }

    private async Task WriteLaterAsync(Reply reply, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _core.Time, _closed.Token).ConfigureAwait(false);
            await WriteAsync(reply).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task WriteAsync(Reply reply)
    {
        if (reply.Body is null)
            return;
        var ackedAt = _core.Now;
        var marked = reply.AckRecordId is { } id && _core.Store.MarkAcknowledged(id, ackedAt);
        if (!await WriteLineAsync(reply.Body).ConfigureAwait(false) && marked)
            _core.Store.RevertAcknowledged(reply.AckRecordId!, ackedAt);
    }

    private async Task<bool> WriteLineAsync(string json)
    {
        if (IsClosed)
            return false;
        var frame = JsonLines.Frame(json);
        try
        {
            await _write.WaitAsync(_closed.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        try
        {
            await _stream.WriteAsync(frame, _closed.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            Close();
            return false;
        }
        finally
        {
            _write.Release();
        }
    }
}
