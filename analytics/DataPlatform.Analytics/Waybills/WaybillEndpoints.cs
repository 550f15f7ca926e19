using System.Text.Json.Serialization;
using DataPlatform.Analytics.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPlatform.Analytics.Waybills;

/// <summary><c>POST /api/v1/waybills/import?enterprise=E&amp;importedBy=NAME</c> on the analytics listener: the body
/// is the file (CSV or .xlsx; <c>X-File-Name</c> header or <c>?file=</c> gives its name). 200 with the result when
/// imported (or already stored), 400 with every bad row when refused whole.</summary>
public sealed class WaybillEndpoints(WaybillImporter importer) : IAnalyticsEndpoints
{
    /// <summary>Largest file accepted: ~100 k rows of CSV.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    public void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/waybills");
        group.MapPost("/import", async (HttpRequest request, string? enterprise, string? importedBy, string? file, CancellationToken ct) =>
        {
            if (request.ContentLength is > MaxBytes)
                return Results.Json(Refusal("too_large", $"文件超过 {MaxBytes / 1024 / 1024} MB the file is larger than {MaxBytes} bytes"), WaybillJsonContext.Default.WaybillHttpError, statusCode: 413);
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            if (buffer.Length > MaxBytes)
                return Results.Json(Refusal("too_large", $"the file is larger than {MaxBytes} bytes"), WaybillJsonContext.Default.WaybillHttpError, statusCode: 413);
            var name = file ?? request.Headers["X-File-Name"].FirstOrDefault() ?? "upload.csv";
            var result = await importer.ImportAsync(enterprise ?? "", name, buffer.ToArray(), importedBy ?? "http", ct);
            return Results.Json(result, WaybillJsonContext.Default.WaybillImportResult, statusCode: result.Accepted ? 200 : 400);
        });
    }

    private static WaybillHttpError Refusal(string code, string reason) => new(code, reason);
}

public sealed record WaybillHttpError(string Error, string Reason);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(WaybillImportResult))]
[JsonSerializable(typeof(WaybillHttpError))]
public sealed partial class WaybillJsonContext : JsonSerializerContext;
