using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DataPlatform.Ingest.Devices;

/// <summary>
/// The body signature devices may use instead of a bearer token. The device sends
/// <c>X-Device-Id</c>, <c>X-Device-Timestamp</c> (Unix seconds) and <c>X-Device-Signature</c> = lower- or
/// upper-case hex of HMAC-SHA256(secret, UTF-8("{deviceId}\n{timestamp}\n") ‖ body). The device id is signed so
/// two devices that share a secret cannot speak for each other; the timestamp bounds replays to the allowed skew.
/// </summary>
public static class HmacSignature
{
    public const string TimestampHeader = "X-Device-Timestamp";
    public const string SignatureHeader = "X-Device-Signature";

    public static string Compute(string secret, string deviceId, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"{deviceId}\n{timestamp.ToString(CultureInfo.InvariantCulture)}\n"));
        hmac.AppendData(body);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Null when the signature is valid and fresh, else why not. Constant-time in the signature.</summary>
    public static string? Verify(
        string secret, string deviceId, string? timestamp, string? signature, ReadOnlySpan<byte> body,
        DateTimeOffset now, TimeSpan maxSkew)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            return $"missing {TimestampHeader} or {SignatureHeader}";
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253_402_300_799) // beyond year 9999 DateTimeOffset would throw
            return $"{TimestampHeader} is not Unix seconds";
        var skew = (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration();
        if (skew > maxSkew)
            return $"stale timestamp: {skew.TotalSeconds:0} s from the server clock (at most {maxSkew.TotalSeconds:0} s)";
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return $"{SignatureHeader} is not hex";
        }
        var expected = Convert.FromHexString(Compute(secret, deviceId, seconds, body));
        return CryptographicOperations.FixedTimeEquals(given, expected) ? null : "signature does not match the body";
    }
}
