using System.Security.Cryptography;
using System.Text;

namespace DataPlatform.Ingest.Devices;

/// <summary>The credential-bearing parts of one push, lifted out of the HTTP request so that checking them is
/// pure (and testable without a server).</summary>
public sealed record PushCredentials(
    string? Authorization,
    string? DeviceToken,
    string? QueryToken,
    string? Timestamp,
    string? Signature)
{
    public static readonly PushCredentials None = new(null, null, null, null, null);
}

/// <summary>Checks a push against its device's registered credential.</summary>
public static class DeviceAuthenticator
{
    /// <summary>Null when <paramref name="credentials"/> prove to be <paramref name="device"/>, else the reason.</summary>
    public static string? Check(
        DeviceRegistration device, PushCredentials credentials, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan maxSkew)
    {
        if (device.Token.Length > 0 && PresentedToken(device, credentials) is { } token)
            return TokenEquals(token, device.Token) ? null : "wrong token";
        if (device.HmacSecret.Length > 0 && (credentials.Signature is not null || device.Token.Length == 0))
            return HmacSignature.Verify(device.HmacSecret, device.DeviceId, credentials.Timestamp, credentials.Signature, body, now, maxSkew);
        return "no credential presented (Authorization: Bearer, X-Device-Token, or an HMAC signature)";
    }

    private static string? PresentedToken(DeviceRegistration device, PushCredentials c)
    {
        if (c.Authorization is { } auth)
        {
            if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                return auth[7..].Trim();
            if (auth.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && BasicPassword(auth[6..], device.DeviceId) is { } password)
                return password;
        }
        return c.DeviceToken ?? c.QueryToken;
    }

    // Basic auth is what camera firmware offers for HTTP push targets: user = device id, password = token.
    private static string? BasicPassword(string encoded, string deviceId)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && text[..colon] == deviceId ? text[(colon + 1)..] : "";
        }
        catch (FormatException)
        {
            return "";
        }
    }

    // Hashing first makes the comparison constant-time also in the token's length.
    private static bool TokenEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
