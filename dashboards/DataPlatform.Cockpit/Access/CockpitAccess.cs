using System.Text;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.GuardBooth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace DataPlatform.Cockpit.Access;

/// <summary>The cockpit's door: the guard booth's operator accounts (<c>Ingest:GuardBooth:Operators</c>, the same
/// settings and the same credential check), presented the way a browser can — HTTP Basic with the operator id as
/// user and the operator's token as password (the browser asks once and sends it with every request, the event
/// stream included). With no operator configured the cockpit is open: it only reads.</summary>
public sealed class CockpitAccess
{
    public const string Realm = "DataPlatform cockpit";

    private readonly GuardOperators _operators;

    public CockpitAccess(IConfiguration configuration)
    {
        // Read here rather than through IOptions<GuardBoothOptions>: ingest binds that section itself when it runs in
        // the same process, and binding a list twice would list every operator twice.
        var options = configuration.GetSection("Ingest:GuardBooth").Get<GuardBoothOptions>() ?? new GuardBoothOptions();
        _operators = new GuardOperators(options.Operators);
    }

    public bool Required => _operators.Count > 0;

    /// <summary>The signed-in operator (null when the cockpit is open), or the 401 to answer.</summary>
    public (GuardOperatorOptions? Operator, IResult? Denied) Authenticate(HttpContext context)
    {
        if (!Required) return (null, null);
        var authorization = context.Request.Headers.Authorization.FirstOrDefault();
        var user = BasicUser(authorization);
        var (who, failure) = _operators.Authenticate(user, new PushCredentials(authorization, null, null, null, null), [],
            DateTimeOffset.UtcNow, TimeSpan.Zero);
        if (who is not null) return (who, null);
        context.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        return (null, Results.Json(new CockpitError("unauthorized", "请以门岗操作员账号登录（用户名 = 操作员编号，密码 = 令牌）：" + failure),
            CockpitJsonContext.Default.CockpitError, statusCode: StatusCodes.Status401Unauthorized));
    }

    private static string? BasicUser(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? text[..colon] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public sealed record CockpitError(string Error, string Reason);
