using System.Runtime.InteropServices;
using System.Text;
using DataPlatform.Engines.ClickHouse.Native;

namespace DataPlatform.Engines.ClickHouse.Engine;

/// <summary>
/// One chDB connection. It remembers what a request changed (database, settings) so the pool can put
/// it back in its pristine state, mimicking ClickHouse's one-session-per-HTTP-request behaviour.
/// </summary>
internal sealed class ChdbSession : IDisposable
{
    private readonly ChdbNative native;
    private readonly nint connectionPointer;
    private readonly bool isAnchor;
    private bool closed;

    public ChdbSession(ChdbNative native, nint connectionPointer, bool isAnchor)
    {
        this.native = native;
        this.connectionPointer = connectionPointer;
        this.isAnchor = isAnchor;
    }

    /// <summary>The database the session currently resolves unqualified names in.</summary>
    public string CurrentDatabase { get; set; } = "default";

    public bool IsReadOnly { get; set; }

    // chdb_connect hands back chdb_connection*; queries take the connection itself.
    private nint Connection => Marshal.ReadIntPtr(connectionPointer);

    public ChdbResult Query(ReadOnlySpan<byte> sql, string format, IReadOnlyList<KeyValuePair<byte[], byte[]>>? parameters = null)
    {
        ObjectDisposedException.ThrowIf(closed, this);
        var formatBytes = Encoding.UTF8.GetBytes(format);
        var handle = parameters is { Count: > 0 }
            ? native.QueryWithParameters(Connection, sql, formatBytes, parameters)
            : native.Query(Connection, sql, formatBytes);
        return new ChdbResult(native, handle);
    }

    /// <summary>Starts a query whose output is fetched chunk by chunk; see <see cref="ChdbStream"/>.</summary>
    /// <remarks>
    /// <para><paramref name="format"/>: The default output format, for a query without a FORMAT clause.</para>
    /// <para><paramref name="effectiveFormat"/>: The format the output will be in (the query's FORMAT clause, else
    /// <paramref name="format"/>).</para>
    /// </remarks>
    public ChdbStream OpenStream(ReadOnlySpan<byte> sql, string format, string effectiveFormat, IReadOnlyList<KeyValuePair<byte[], byte[]>>? parameters = null)
    {
        ObjectDisposedException.ThrowIf(closed, this);
        var formatBytes = Encoding.UTF8.GetBytes(format);
        var handle = parameters is { Count: > 0 }
            ? native.StreamQueryWithParameters(Connection, sql, formatBytes, parameters)
            : native.StreamQuery(Connection, sql, formatBytes);
        return new ChdbStream(native, Connection, handle, effectiveFormat);
    }

    /// <summary>Runs a statement whose output does not matter; returns chDB's error text, if any.</summary>
    public string? Execute(string sql)
    {
        using var result = Query(Encoding.UTF8.GetBytes(sql), "TabSeparated");
        return result.Error;
    }

    public string? QueryScalar(string sql)
    {
        using var result = Query(Encoding.UTF8.GetBytes(sql), "TabSeparatedRaw");
        return result.Error is null ? Encoding.UTF8.GetString(result.ToArray()).TrimEnd('\n') : null;
    }

    public void Dispose()
    {
        // The anchor stays open: closing the engine's last connection shuts chDB down for good.
        if (!closed && !isAnchor)
        {
            native.Close(connectionPointer);
        }

        closed = true;
    }
}
