using System.Runtime.InteropServices;

namespace DataPlatform.Engines.ClickHouse.Native;

/// <summary>
/// A query's outcome, still living in chDB's memory so large results reach the socket without an
/// extra managed copy. Must be disposed; the buffer is invalid afterwards.
/// </summary>
internal sealed unsafe class ChdbResult : IDisposable
{
    private readonly ChdbNative native;
    private readonly bool ownsHandle;
    private nint handle;

    /// <remarks><paramref name="ownsHandle"/>: False when another object destroys the handle (a stream's start
    /// result).</remarks>
    public ChdbResult(ChdbNative native, nint handle, bool ownsHandle = true)
    {
        this.native = native;
        this.handle = handle;
        this.ownsHandle = ownsHandle;
        Error = handle == 0 ? "Code: 1001. DB::Exception: chDB returned no result" : ReadError();
        // Statistics of a failed query are not initialised by chDB.
        if (handle != 0 && Error is null)
        {
            Elapsed = TimeSpan.FromSeconds(native.ResultElapsed(handle));
            RowsRead = native.ResultRowsRead(handle);
            BytesRead = native.ResultBytesRead(handle);
            StorageRowsRead = native.ResultStorageRowsRead(handle);
            StorageBytesRead = native.ResultStorageBytesRead(handle);
            RowsWritten = native.ResultRowsWritten(handle);
            BytesWritten = native.ResultBytesWritten(handle);
            Length = checked((long)native.ResultLength(handle));
        }
    }

    private ChdbResult(string error)
    {
        native = null!;
        Error = error;
    }

    /// <summary>A failure that did not come from chDB (nothing to destroy).</summary>
    public static ChdbResult Failed(string error) => new(error);

    /// <summary>chDB's error text (<c>Code: N. DB::Exception: ...</c>), or null when the query succeeded.</summary>
    public string? Error { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Rows in the output (chDB's <c>rows_read</c> counts what the query returned).</summary>
    public ulong RowsRead { get; }

    public ulong BytesRead { get; }

    /// <summary>Rows the engine read from tables and table functions to answer the query.</summary>
    public ulong StorageRowsRead { get; }

    public ulong StorageBytesRead { get; }

    public ulong RowsWritten { get; }

    public ulong BytesWritten { get; }

    public long Length { get; }

    /// <summary>Bytes at the start of the output that are not sent (a streamed chunk's repeated format header).</summary>
    public long Skip { get; internal set; }

    /// <summary>What is sent of the output: <see cref="Length"/> less <see cref="Skip"/>.</summary>
    public long PayloadLength => Length - Skip;

    /// <summary>Reads the output in chunks small enough for a span (results can exceed 2 GiB).</summary>
    public ReadOnlySpan<byte> Chunk(long offset, int maxLength)
    {
        ObjectDisposedException.ThrowIf(handle == 0, this);
        var length = (int)Math.Min(maxLength, Length - offset);
        if (length <= 0)
        {
            return [];
        }

        return new ReadOnlySpan<byte>((byte*)native.ResultBuffer(handle) + offset, length);
    }

    /// <summary>A stream over the output in place; valid only until this result is disposed.</summary>
    public Stream OpenRead()
    {
        ObjectDisposedException.ThrowIf(handle == 0, this);
        return PayloadLength <= 0 ? Stream.Null : new UnmanagedMemoryStream((byte*)native.ResultBuffer(handle) + Skip, PayloadLength);
    }

    public byte[] ToArray()
    {
        var copy = new byte[Length];
        for (long offset = 0; offset < Length; offset += int.MaxValue / 2)
        {
            Chunk(offset, int.MaxValue / 2).CopyTo(copy.AsSpan((int)offset));
        }

        return copy;
    }

    private string? ReadError()
    {
        var error = native.ResultError(handle);
        return error == 0 ? null : Marshal.PtrToStringUTF8(error);
    }

    public void Dispose()
    {
        var toDestroy = Interlocked.Exchange(ref handle, 0);
        if (toDestroy != 0 && ownsHandle)
        {
            native.Destroy(toDestroy);
        }
    }
}
