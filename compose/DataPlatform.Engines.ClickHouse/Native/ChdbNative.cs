using System.Runtime.InteropServices;

namespace DataPlatform.Engines.ClickHouse.Native;

/// <summary>
/// Entry points of libchdb.so, bound once per process. Function pointers instead of DllImport because
/// the library's location is only known at run time (it is fetched into a cache on first use).
/// </summary>
internal sealed unsafe class ChdbNative
{
    private static readonly Lock Gate = new();
    private static ChdbNative? loaded;

    // Saving and restoring signal actions is process-wide state; two connects interleaving could
    // otherwise restore each other's snapshot.
    private readonly Lock connectGate = new();

    private readonly delegate* unmanaged<int, nint, nint> connect;
    private readonly delegate* unmanaged<nint, void> closeConnection;
    private readonly delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint> queryN;
    private readonly delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint*, nuint*, nint*, nuint*, nuint, nint> queryWithParamsN;
    private readonly delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint> streamQueryN;
    private readonly delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint*, nuint*, nint*, nuint*, nuint, nint> streamQueryWithParamsN;
    private readonly delegate* unmanaged<nint, nint, nint> streamFetchResult;
    private readonly delegate* unmanaged<nint, nint, void> streamCancelQuery;
    private readonly delegate* unmanaged<nint, void> destroyResult;
    private readonly delegate* unmanaged<int, void> setSignalHandlersEnabled;

    internal readonly delegate* unmanaged<nint, nint> ResultBuffer;
    internal readonly delegate* unmanaged<nint, nuint> ResultLength;
    internal readonly delegate* unmanaged<nint, double> ResultElapsed;
    internal readonly delegate* unmanaged<nint, ulong> ResultRowsRead;
    internal readonly delegate* unmanaged<nint, ulong> ResultBytesRead;
    internal readonly delegate* unmanaged<nint, ulong> ResultStorageRowsRead;
    internal readonly delegate* unmanaged<nint, ulong> ResultStorageBytesRead;
    internal readonly delegate* unmanaged<nint, ulong> ResultRowsWritten;
    internal readonly delegate* unmanaged<nint, ulong> ResultBytesWritten;
    internal readonly delegate* unmanaged<nint, nint> ResultError;

    private ChdbNative(nint library)
    {
        connect = (delegate* unmanaged<int, nint, nint>)Export(library, "chdb_connect");
        closeConnection = (delegate* unmanaged<nint, void>)Export(library, "chdb_close_conn");
        queryN = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint>)Export(library, "chdb_query_n");
        queryWithParamsN = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint*, nuint*, nint*, nuint*, nuint, nint>)Export(library, "chdb_query_with_params_n");
        streamQueryN = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint>)Export(library, "chdb_stream_query_n");
        streamQueryWithParamsN = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint*, nuint*, nint*, nuint*, nuint, nint>)Export(library, "chdb_stream_query_with_params_n");
        streamFetchResult = (delegate* unmanaged<nint, nint, nint>)Export(library, "chdb_stream_fetch_result");
        streamCancelQuery = (delegate* unmanaged<nint, nint, void>)Export(library, "chdb_stream_cancel_query");
        destroyResult = (delegate* unmanaged<nint, void>)Export(library, "chdb_destroy_query_result");
        setSignalHandlersEnabled = (delegate* unmanaged<int, void>)Export(library, "chdb_set_signal_handlers_enabled");
        ResultBuffer = (delegate* unmanaged<nint, nint>)Export(library, "chdb_result_buffer");
        ResultLength = (delegate* unmanaged<nint, nuint>)Export(library, "chdb_result_length");
        ResultElapsed = (delegate* unmanaged<nint, double>)Export(library, "chdb_result_elapsed");
        ResultRowsRead = (delegate* unmanaged<nint, ulong>)Export(library, "chdb_result_rows_read");
        ResultBytesRead = (delegate* unmanaged<nint, ulong>)Export(library, "chdb_result_bytes_read");
        ResultStorageRowsRead = (delegate* unmanaged<nint, ulong>)Export(library, "chdb_result_storage_rows_read");
        ResultStorageBytesRead = (delegate* unmanaged<nint, ulong>)Export(library, "chdb_result_storage_bytes_read");
        ResultRowsWritten = (delegate* unmanaged<nint, ulong>)Export(library, "chdb_result_rows_written");
        ResultBytesWritten = (delegate* unmanaged<nint, ulong>)Export(library, "chdb_result_bytes_written");
        ResultError = (delegate* unmanaged<nint, nint>)Export(library, "chdb_result_error");
    }

    /// <summary>Loads the library at <paramref name="libraryPath"/> the first time; later calls reuse it.</summary>
    public static ChdbNative Load(string libraryPath)
    {
        lock (Gate)
        {
            return loaded ??= new ChdbNative(NativeLibrary.Load(libraryPath));
        }
    }

    private static nint Export(nint library, string name) => NativeLibrary.GetExport(library, name);

    /// <summary>Opens a connection (a session); returns the <c>chdb_connection*</c> or zero on failure.</summary>
    public nint Connect(IReadOnlyList<string> arguments)
    {
        var argv = new nint[arguments.Count];
        try
        {
            for (var i = 0; i < argv.Length; i++)
            {
                argv[i] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
            }

            fixed (nint* argvPointer = argv)
            {
                var argvAddress = (nint)argvPointer;
                var argc = argv.Length;
                lock (connectGate)
                {
                    TerminationSignals.KeepWithDotnet();
                    return SignalGuard.PreservingDotnetHandlers(() =>
                    {
                        setSignalHandlersEnabled(0);
                        return connect(argc, argvAddress);
                    });
                }
            }
        }
        finally
        {
            foreach (var pointer in argv)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    public void Close(nint connectionPointer) => closeConnection(connectionPointer);

    public nint Query(nint connection, ReadOnlySpan<byte> sql, ReadOnlySpan<byte> format) => Run(queryN, connection, sql, format);

    public nint QueryWithParameters(nint connection, ReadOnlySpan<byte> sql, ReadOnlySpan<byte> format, IReadOnlyList<KeyValuePair<byte[], byte[]>> parameters) =>
        RunWithParameters(queryWithParamsN, connection, sql, format, parameters);

    /// <summary>Starts a streaming query: the handle carries a start-up error, if any; chunks come from <see cref="StreamFetch"/>.</summary>
    public nint StreamQuery(nint connection, ReadOnlySpan<byte> sql, ReadOnlySpan<byte> format) => Run(streamQueryN, connection, sql, format);

    public nint StreamQueryWithParameters(nint connection, ReadOnlySpan<byte> sql, ReadOnlySpan<byte> format, IReadOnlyList<KeyValuePair<byte[], byte[]>> parameters) =>
        RunWithParameters(streamQueryWithParamsN, connection, sql, format, parameters);

    /// <summary>The next chunk of a streaming query (a result to destroy); an empty one ends the stream.</summary>
    public nint StreamFetch(nint connection, nint stream) => streamFetchResult(connection, stream);

    public void StreamCancel(nint connection, nint stream) => streamCancelQuery(connection, stream);

    private static nint Run(delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint> function, nint connection, ReadOnlySpan<byte> sql, ReadOnlySpan<byte> format)
    {
        fixed (byte* sqlPointer = sql)
        fixed (byte* formatPointer = format)
        {
            return function(connection, sqlPointer, (nuint)sql.Length, formatPointer, (nuint)format.Length);
        }
    }

    private static nint RunWithParameters(delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint*, nuint*, nint*, nuint*, nuint, nint> function,
        nint connection, ReadOnlySpan<byte> sql, ReadOnlySpan<byte> format, IReadOnlyList<KeyValuePair<byte[], byte[]>> parameters)
    {
        var handles = new GCHandle[parameters.Count * 2];
        var names = new nint[parameters.Count];
        var nameLengths = new nuint[parameters.Count];
        var values = new nint[parameters.Count];
        var valueLengths = new nuint[parameters.Count];
        try
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                handles[2 * i] = GCHandle.Alloc(parameters[i].Key, GCHandleType.Pinned);
                handles[(2 * i) + 1] = GCHandle.Alloc(parameters[i].Value, GCHandleType.Pinned);
                names[i] = handles[2 * i].AddrOfPinnedObject();
                nameLengths[i] = (nuint)parameters[i].Key.Length;
                values[i] = handles[(2 * i) + 1].AddrOfPinnedObject();
                valueLengths[i] = (nuint)parameters[i].Value.Length;
            }

            fixed (byte* sqlPointer = sql)
            fixed (byte* formatPointer = format)
            fixed (nint* namesPointer = names)
            fixed (nuint* nameLengthsPointer = nameLengths)
            fixed (nint* valuesPointer = values)
            fixed (nuint* valueLengthsPointer = valueLengths)
            {
                return function(connection, sqlPointer, (nuint)sql.Length, formatPointer, (nuint)format.Length,
                    namesPointer, nameLengthsPointer, valuesPointer, valueLengthsPointer, (nuint)parameters.Count);
            }
        }
        finally
        {
            foreach (var handle in handles)
            {
                if (handle.IsAllocated)
                {
                    handle.Free();
                }
            }
        }
    }

    public void Destroy(nint result) => destroyResult(result);
}
