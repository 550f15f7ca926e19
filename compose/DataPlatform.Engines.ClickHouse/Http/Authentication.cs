using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DataPlatform.Engines.ClickHouse.Http;

/// <summary>
/// Finds the user a request authenticates as, from where ClickHouse's HTTP interface looks: the
/// <c>X-ClickHouse-User</c> / <c>X-ClickHouse-Key</c> headers, HTTP Basic, or <c>?user=&amp;password=</c>.
/// No credentials means <c>default</c> with an empty password, as in ClickHouse.
/// </summary>
internal sealed class Authentication
{
    public const int AuthenticationFailed = 516;

    private readonly IReadOnlyList<ClickHouseUser> users;

    public Authentication(IReadOnlyList<ClickHouseUser> users) => this.users = users;

    /// <summary>Whether the endpoint checks users at all (it does as soon as one is configured).</summary>
    public bool Enabled => users.Count > 0;

    /// <summary>The matching user; null when the name is unknown or the password wrong (the two are not told apart).</summary>
    public ClickHouseUser? Authenticate(HttpRequest request, string? userParameter, string? passwordParameter)
    {
        var (name, password) = Credentials(request, userParameter, passwordParameter);
        ClickHouseUser? match = null;
        foreach (var user in users)
        {
            // Every password is compared, so the time taken does not tell which names exist.
            var passwordMatches = CryptographicOperations.FixedTimeEquals(Hash(user.Password), Hash(password));
            if (passwordMatches && string.Equals(user.Name, name, StringComparison.Ordinal))
            {
                match = user;
            }
        }

        return match;
    }

    public static string FailureMessage(string name) =>
        $"Code: {AuthenticationFailed}. DB::Exception: {name}: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)";

    /// <summary>The user name a request claims, for the failure message.</summary>
    public static string ClaimedName(HttpRequest request, string? userParameter) => Credentials(request, userParameter, null).Name;

    private static (string Name, string Password) Credentials(HttpRequest request, string? userParameter, string? passwordParameter)
    {
        var headerUser = request.Headers["X-ClickHouse-User"].LastOrDefault();
        if (!string.IsNullOrEmpty(headerUser))
        {
            return (headerUser, request.Headers["X-ClickHouse-Key"].LastOrDefault() ?? string.Empty);
        }

        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization.LastOrDefault(), out var header)
            && header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            && TryDecodeBasic(header.Parameter, out var basic))
        {
            return basic;
        }

        return (string.IsNullOrEmpty(userParameter) ? "default" : userParameter, passwordParameter ?? string.Empty);
    }

    private static bool TryDecodeBasic(string? parameter, out (string Name, string Password) credentials)
    {
        credentials = default;
        if (string.IsNullOrEmpty(parameter))
        {
            return false;
        }

        var bytes = new byte[parameter.Length];
        if (!Convert.TryFromBase64String(parameter, bytes, out var length))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        credentials = colon < 0 ? (text, string.Empty) : (text[..colon], text[(colon + 1)..]);
        return true;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
