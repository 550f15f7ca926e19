using System.Text;
using DataPlatform.Engines.ClickHouse.Http;
using DataPlatform.Engines.ClickHouse.Native;
using DataPlatform.Engines.ClickHouse.Sql;

namespace DataPlatform.Engines.ClickHouse.Engine;

/// <summary>
/// Runs each request on a fresh chDB session, like ClickHouse gives each sessionless HTTP request its
/// own session: settings, <c>USE</c> and <c>SET</c> issued by one request can never reach another.
/// Opening a session on the booted engine costs ~0.1 ms, far less than a query.
/// </summary>
internal sealed class QueryRunner
{
    private const string StreamingNotSupported = "Streaming query is not supported";
    private readonly ChdbEngine engine;
    private readonly SemaphoreSlim slots;
    private readonly string spoolDirectory;

    public QueryRunner(ChdbEngine engine, int maxConcurrentQueries, string spoolDirectory)
    {
        this.engine = engine;
        slots = new SemaphoreSlim(maxConcurrentQueries, maxConcurrentQueries);
        this.spoolDirectory = spoolDirectory;
        Directory.CreateDirectory(spoolDirectory);
    }

    public async Task<QueryOutcome> RunAsync(EngineRequest request, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // chDB blocks the calling thread for the whole query.
            return await Task.Run(() => Run(request), CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            slots.Release();
            throw;
        }
    }

    private QueryOutcome Run(EngineRequest request)
    {
        var session = engine.OpenSession();
        var release = () => { slots.Release(); };
        try
        {
            var setupError = Prepare(session, request);
            if (setupError is not null)
            {
                return QueryOutcome.Failed(session, setupError, release);
            }

            return Execute(session, request, release);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static string? Prepare(ChdbSession session, EngineRequest request)
    {
        var error = ApplySettings(session, request.Settings);
        if (error is null && request.Database is not null && request.Database != "default")
        {
            error = session.Execute($"USE `{request.Database.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal)}`");
        }

        // Last, because readonly = 1 forbids changing any further setting.
        if (error is null && request.ReadOnly > 0)
        {
            error = session.Execute($"SET readonly = {request.ReadOnly}");
        }

        return error;
    }

    private static string? ApplySettings(ChdbSession session, IReadOnlyList<KeyValuePair<string, string>> settings)
    {
        if (settings.Count == 0)
        {
            return null;
        }

        var error = session.Execute("SET " + string.Join(", ", settings.Select(Assignment)));
        if (error is null || ErrorMapping.ExtractCode(error) != ErrorMapping.UnknownSetting)
        {
            return error;
        }

        // Clients send HTTP-level knobs chDB does not know; ClickHouse's HTTP layer would consume
        // them, so an unknown one is skipped while a bad value for a known one still fails.
        foreach (var setting in settings)
        {
            error = session.Execute("SET " + Assignment(setting));
            if (error is not null && ErrorMapping.ExtractCode(error) != ErrorMapping.UnknownSetting)
            {
                return error;
            }
        }

        return null;
    }

    // Settings arrive as URL text; ClickHouse converts a string literal to the setting's own type.
    private static string Assignment(KeyValuePair<string, string> setting) => $"{setting.Key} = '{InsertSplit.EscapeLiteral(setting.Value)}'";

    private QueryOutcome Execute(ChdbSession session, EngineRequest request, Action release)
    {
        var parameters = request.Parameters.Count == 0
            ? null
            : request.Parameters.Select(p => new KeyValuePair<byte[], byte[]>(Encoding.UTF8.GetBytes(p.Key), Encoding.UTF8.GetBytes(p.Value))).ToList();

        var insert = InsertSplit.TryParse(request.Text);
        if (insert is not null)
        {
            return QueryOutcome.Finished(session, InsertFromSpool(session, request, insert, parameters), release);
        }

        // A SELECT streams: its output reaches the client chunk by chunk instead of being held whole in memory.
        // chDB refuses to stream what is not a query (DDL, INSERT ... VALUES, SET) before running it; those run whole,
        // as do results in formats that cannot be cut into chunks (JSON, Parquet, Pretty: see StreamingFormat).
        var format = OutputFormat.FindExplicit(request.Text) ?? request.DefaultFormat;
        if (!StreamingFormat.CanStream(format))
        {
            return QueryOutcome.Finished(session, session.Query(request.Text, request.DefaultFormat, parameters), release);
        }

        var stream = session.OpenStream(request.Text, request.DefaultFormat, format, parameters);
        if (stream.StartError is { } error && error.Contains(StreamingNotSupported, StringComparison.Ordinal))
        {
            stream.Dispose();
            return QueryOutcome.Finished(session, session.Query(request.Text, request.DefaultFormat, parameters), release);
        }

        return QueryOutcome.Streaming(session, stream, release);
    }

    private ChdbResult InsertFromSpool(ChdbSession session, EngineRequest request, InsertSplit insert, List<KeyValuePair<byte[], byte[]>>? parameters)
    {
        var dataFile = Path.Combine(spoolDirectory, $"insert-{Guid.NewGuid():N}.bin");
        try
        {
            using (var file = new FileStream(dataFile, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16))
            {
                file.Write(request.Text.AsSpan(insert.DataOffset));
            }

            return session.Query(Encoding.UTF8.GetBytes(insert.WithInfile(dataFile)), request.DefaultFormat, parameters);
        }
        finally
        {
            File.Delete(dataFile);
        }
    }
}
