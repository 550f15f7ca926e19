using DataPlatform.Analytics.Sql;

namespace DataPlatform.Cli.Commands;

/// <summary>One self-overwriting status line on stderr (a terminal only): rows, bytes written, elapsed.</summary>
internal sealed class TerminalProgress(CountingStream output) : IProgress<SqlProgress>
{
    private bool shown;

    public void Report(SqlProgress value)
    {
        shown = true;
        Console.Error.Write($"\r  {value.Rows:N0} 行 (rows)  {output.Written / 1e6:F1} MB  {value.Elapsed.TotalSeconds:F1} s   ");
    }

    public void Clear()
    {
        if (shown) Console.Error.Write("\r" + new string(' ', 60) + "\r");
        shown = false;
    }
}

/// <summary>Counts the bytes written through it, for the progress line.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    private long written;

    public long Written => Interlocked.Read(ref written);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public override long Position { get => Written; set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        inner.Write(buffer, offset, count);
        Interlocked.Add(ref written, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Interlocked.Add(ref written, buffer.Length);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken);
        Interlocked.Add(ref written, buffer.Length);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
