using System.Globalization;
using System.Text;
using DataPlatform.Engines.ClickHouse.Engine;
using DataPlatform.Engines.ClickHouse.Native;
using DataPlatform.Engines.ClickHouse.Sql;
using Microsoft.AspNetCore.Http;

namespace DataPlatform.Engines.ClickHouse.Http;

/// <summary>Serves ClickHouse's HTTP interface: request in, engine call, ClickHouse-shaped response out.</summary>
internal sealed class ClickHouseHttpHandler
{
    private const string Ok = "Ok.\n";
    private readonly QueryRunner runner;
    private readonly ChdbEngine engine;
    private readonly Authentication authentication;

    public ClickHouseHttpHandler(QueryRunner runner, ChdbEngine engine, Authentication authentication)
    {
        this.runner = runner;
        this.engine = engine;
        this.authentication = authentication;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path is "/ping" or "/replicas_status")
        {
            await WriteTextAsync(context.Response, 200, Ok, "text/plain; charset=UTF-8").ConfigureAwait(false);
            return;
        }

        if (path is not ("/" or "/query" or ""))
        {
            await WriteErrorAsync(context, ErrorMapping.Format(ErrorMapping.BadArguments, $"There is no handle {path}"), queryId: null, status: 404).ConfigureAwait(false);
            return;
        }

        // Only multipart bodies are forms (the driver's query parameters). `curl --data-binary` labels a plain SQL
        // body application/x-www-form-urlencoded, and ClickHouse runs such a body as the query: so do we.
        var isMultipart = request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
        var form = isMultipart ? await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
        var parameters = RequestParameters.Classify(CollectParameters(request, form));
        var queryId = parameters.QueryId ?? Guid.NewGuid().ToString();
        var hasBody = form is null && (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0);
        if (parameters.Query is null && !hasBody)
        {
            // A bare GET / is ClickHouse's liveness answer.
            await WriteTextAsync(context.Response, 200, Ok, "text/html; charset=UTF-8").ConfigureAwait(false);
            return;
        }

        var user = authentication.Enabled ? authentication.Authenticate(request, parameters.User, parameters.Password) : null;
        if (authentication.Enabled && user is null)
        {
            await WriteErrorAsync(context, Authentication.FailureMessage(Authentication.ClaimedName(request, parameters.User)), queryId).ConfigureAwait(false);
            return;
        }

        if (parameters.NativeDecompress)
        {
            await WriteErrorAsync(context, ErrorMapping.Format(ErrorMapping.NotImplemented, "decompress=1 (ClickHouse native compression) is not supported here; use Content-Encoding"), queryId).ConfigureAwait(false);
            return;
        }

        byte[] text;
        try
        {
            text = await ReadTextAsync(request, parameters.Query, hasBody, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidDataException or IOException)
        {
            await WriteErrorAsync(context, ErrorMapping.Format(ErrorMapping.BadArguments, $"Cannot read the request body: {exception.Message}"), queryId).ConfigureAwait(false);
            return;
        }

        var insert = InsertSplit.TryParse(text);
        if (StatementGuard.Check(insert is null ? text : Encoding.UTF8.GetBytes(insert.Statement)) is { } refusal)
        {
            await WriteErrorAsync(context, ErrorMapping.Format(refusal.Code, refusal.Message), queryId).ConfigureAwait(false);
            return;
        }

        var defaultFormat = parameters.DefaultFormat ?? HeaderOrNull(request, "X-ClickHouse-Format") ?? "TabSeparated";
        var engineRequest = new EngineRequest(
            text,
            defaultFormat,
            parameters.Database ?? HeaderOrNull(request, "X-ClickHouse-Database"),
            ReadOnlyLevel(user, parameters.ReadOnly, request.Method),
            parameters.Settings,
            parameters.QueryParameters);

        using var outcome = await runner.RunAsync(engineRequest, context.RequestAborted).ConfigureAwait(false);
        if (outcome.Error is not null)
        {
            await WriteErrorAsync(context, outcome.Error, queryId).ConfigureAwait(false);
            return;
        }

        var format = insert is null ? OutputFormat.FindExplicit(text) ?? defaultFormat : defaultFormat;
        var response = new ResultResponse(context, format, queryId, parameters.EnableHttpCompression, AddCommonHeaders);
        if (outcome.Stream is not null)
        {
            await response.StreamAsync(outcome.Stream, error => WriteErrorAsync(context, error, queryId)).ConfigureAwait(false);
        }
        else if (outcome.Result is not null)
        {
            await response.WriteAsync(outcome.Result).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The request's ClickHouse readonly level: a read-only user's is always 1, whatever it asks for;
    /// others get what they ask, and GET is read-only so that links and crawlers cannot modify data.
    /// </summary>
    private static int ReadOnlyLevel(ClickHouseUser? user, int requested, string method) =>
        user is { ReadOnly: true } ? 1 : requested > 0 ? requested : HttpMethods.IsGet(method) ? 2 : 0;

    private static IEnumerable<KeyValuePair<string, string>> CollectParameters(HttpRequest request, IFormCollection? form)
    {
        foreach (var (name, values) in request.Query)
        {
            yield return new(name, values.LastOrDefault() ?? string.Empty);
        }

        // The driver can send the query and its parameters as multipart form fields instead of the URL.
        if (form is not null)
        {
            foreach (var (name, values) in form)
            {
                yield return new(name, values.LastOrDefault() ?? string.Empty);
            }
        }
    }

    private static string? HeaderOrNull(HttpRequest request, string name)
    {
        var value = request.Headers[name].LastOrDefault();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static async Task<byte[]> ReadTextAsync(HttpRequest request, string? queryParameter, bool hasBody, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        if (!string.IsNullOrEmpty(queryParameter))
        {
            buffer.Write(Encoding.UTF8.GetBytes(queryParameter));
            // ClickHouse joins the URL's query and the body with a line feed, so an INSERT's
            // "FORMAT x" in the URL is followed by its data in the body.
            if (hasBody)
            {
                buffer.WriteByte((byte)'\n');
            }
        }

        if (hasBody)
        {
            await using var body = ContentCoding.Decode(request.Body, request.Headers.ContentEncoding.ToString());
            await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        return buffer.ToArray();
    }

    internal void AddCommonHeaders(HttpResponse response, string queryId)
    {
        response.Headers["X-ClickHouse-Query-Id"] = queryId;
        response.Headers["X-ClickHouse-Timezone"] = engine.ServerTimezone;
        response.Headers["X-ClickHouse-Server-Display-Name"] = Environment.MachineName;
    }

    private async Task WriteErrorAsync(HttpContext context, string error, string? queryId, int? status = null)
    {
        var code = ErrorMapping.ExtractCode(error);
        var response = context.Response;
        if (queryId is not null)
        {
            AddCommonHeaders(response, queryId);
        }

        response.Headers["X-ClickHouse-Exception-Code"] = code.ToString(CultureInfo.InvariantCulture);
        await WriteTextAsync(response, status ?? ErrorMapping.HttpStatus(code), ErrorMapping.Body(error, engine.ServerVersion), "text/plain; charset=UTF-8").ConfigureAwait(false);
    }

    private static async Task WriteTextAsync(HttpResponse response, int status, string text, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }
}
