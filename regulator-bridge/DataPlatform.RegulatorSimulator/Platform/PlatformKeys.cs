using System.Security.Cryptography;
using DataPlatform.RegulatorBridge.Signing;

namespace DataPlatform.RegulatorSimulator.Platform;

/// <summary>Reads keys from PEM text or PEM files (never the repository), with errors that say which option.</summary>
internal static class PlatformKeys
{
    public static string? ReadPem(string pem, string path, string what)
    {
        if (!string.IsNullOrWhiteSpace(pem))
            return pem;
        if (string.IsNullOrWhiteSpace(path))
            return null;
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"RegulatorSimulator: cannot read {what} from '{path}': {e.Message}", e);
        }
    }

    public static Rsa2Signer Public(string pem, string what) =>
        Rsa2Signer.TryFromPublicKeyPem(pem, out var key, out var reason) ? key : throw new InvalidOperationException($"RegulatorSimulator: {what}: {reason}");

    public static Rsa2Signer Private(string pem, string what) =>
        Rsa2Signer.TryFromPrivateKeyPem(pem, out var key, out var reason) ? key : throw new InvalidOperationException($"RegulatorSimulator: {what}: {reason}");

    /// <summary>A fresh 2048-bit pair (private PEM, public PEM).</summary>
    public static (string PrivatePem, string PublicPem) Generate()
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    }

    public static string PublicOf(string privatePem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privatePem);
        return rsa.ExportSubjectPublicKeyInfoPem();
    }
}
