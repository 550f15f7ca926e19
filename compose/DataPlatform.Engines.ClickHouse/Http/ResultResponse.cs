using System.Globalization;
using DataPlatform.Engines.ClickHouse.Native;
using Microsoft.AspNetCore.Http;

namespace DataPlatform.Engines.ClickHouse.Http;

/// <summary>Writes a query's output as ClickHouse's HTTP interface does: headers with the statistics, then the body.</summary>
internal sealed class ResultResponse
{
    // Like ClickHouse's http_response_buffer_size: output held back before the headers go out, so a query
    // that fails at once still gets its error status, and a small result its exact statistics and length.
    private const long HeldBackBytes = 1 << 20;

    private const int CopyBufferBytes = 81_920;

    private readonly HttpContext context;
    private readonly string format;
    private readonly string queryId;
    private readonly bool compressionAllowed;
    private readonly Action<HttpResponse, string> addCommonHeaders;

    public ResultResponse(HttpContext context, string format, string queryId, bool compressionAllowed, Action<HttpResponse, string> addCommonHeaders)
    {
        this.context = context;
        this.format = format;
        this.queryId = queryId;
        this.compressionAllowed = compressionAllowed;
        this.addCommonHeaders = addCommonHeaders;
    }

    private CancellationToken Aborted => context.RequestAborted;

    /// <summary>The whole output of a finished query.</summary>
    public async Task WriteAsync(ChdbResult result)
    {
        var body = Begin(QueryStatistics.Of(result), result.PayloadLength);
        await using (body.ConfigureAwait(false))
        {
            await CopyAsync(result, body).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A streaming query's output, chunk by chunk as the engine produces it (chunked transfer encoding once
    /// it outgrows the held-back part). <c>X-ClickHouse-Summary</c> then tells what was read before the
    /// headers left, as ClickHouse's does. A failure after the headers is written into the body and the
    /// connection aborted, so no client takes a cut result for a complete one.
    /// </summary>
    public async Task StreamAsync(ChdbStream stream, Func<string, Task> writeError)
    {
        var held = new List<ChdbResult>();
        try
        {
            long heldBytes = 0;
            var ended = false;
            while (heldBytes < HeldBackBytes)
            {
                var chunk = await Task.Run(stream.Next, Aborted).ConfigureAwait(false);
                if (chunk is null)
                {
                    ended = true;
                    break;
                }

                if (chunk.Error is { } error)
                {
                    chunk.Dispose();
                    await writeError(error).ConfigureAwait(false);
                    return;
                }

                held.Add(chunk);
                heldBytes += chunk.PayloadLength;
            }

            var body = Begin(stream.Statistics, ended ? heldBytes : null);
            await using (body.ConfigureAwait(false))
            {
                foreach (var chunk in held)
                {
                    await CopyAsync(chunk, body).ConfigureAwait(false);
                    chunk.Dispose();
                }

                held.Clear();
                while (!ended)
                {
                    using var chunk = await Task.Run(stream.Next, Aborted).ConfigureAwait(false);
                    if (chunk is null)
                    {
                        break;
                    }

                    if (chunk.Error is { } error)
                    {
                        await FailMidwayAsync(body, error).ConfigureAwait(false);
                        return;
                    }

                    await CopyAsync(chunk, body).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            foreach (var chunk in held)
            {
                chunk.Dispose();
            }
        }
    }

    private Stream Begin(QueryStatistics statistics, long? contentLength)
    {
        var response = context.Response;
        response.StatusCode = 200;
        addCommonHeaders(response, queryId);
        response.Headers["X-ClickHouse-Format"] = format;
        response.Headers["X-ClickHouse-Summary"] = Summary(statistics);
        response.ContentType = FormatContentType.For(format);

        var coding = compressionAllowed ? ContentCoding.ChooseResponseCoding(context.Request.Headers.AcceptEncoding.ToString()) : null;
        if (coding is null)
        {
            response.ContentLength = contentLength;
            // The response body belongs to Kestrel; this wrapper only keeps the caller's `await using` harmless.
            return new NonClosingStream(response.Body);
        }

        response.Headers.ContentEncoding = coding;
        return ContentCoding.Encode(response.Body, coding);
    }

    private async Task CopyAsync(ChdbResult result, Stream destination)
    {
        using var source = result.OpenRead();
        // Stream's default 80 KiB: the copy rents its buffer from the shared ArrayPool, which keeps one per thread
        // and per core; with 1 MiB buffers a standalone heap dump held a dozen of them on the large-object heap.
        await source.CopyToAsync(destination, CopyBufferBytes, Aborted).ConfigureAwait(false);
    }

    private async Task FailMidwayAsync(Stream body, string error)
    {
        var text = System.Text.Encoding.UTF8.GetBytes("\n" + error.TrimEnd('\n') + "\n");
        await body.WriteAsync(text, Aborted).ConfigureAwait(false);
        await body.FlushAsync(Aborted).ConfigureAwait(false);
        context.Abort();
    }

    internal static string Summary(QueryStatistics statistics)
    {
        static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);
        var elapsedNs = (ulong)(statistics.Elapsed.Ticks * 100);
        return "{" +
            $"\"read_rows\":\"{Number(statistics.ReadRows)}\",\"read_bytes\":\"{Number(statistics.ReadBytes)}\"," +
            $"\"written_rows\":\"{Number(statistics.WrittenRows)}\",\"written_bytes\":\"{Number(statistics.WrittenBytes)}\"," +
            $"\"total_rows_to_read\":\"{Number(statistics.ReadRows)}\",\"result_rows\":\"{Number(statistics.ResultRows)}\"," +
            $"\"result_bytes\":\"{Number(statistics.ResultBytes)}\",\"elapsed_ns\":\"{Number(elapsedNs)}\"" +
            "}";
    }
}
