using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace DataPlatform.RegulatorBridge.Signing;

/// <summary>RSA2 = SHA256withRSA with PKCS#1 v1.5 padding, signatures in standard Base64. Built from a private
/// key (signs and verifies) or from a public key (verifies only, e.g. the platform's key). Keys come as PEM text:
/// the caller reads the file or environment variable, so this type never touches I/O.</summary>
public sealed class Rsa2Signer : IDisposable
{
    /// <summary>The smallest key accepted, per spec §5.</summary>
    public const int MinimumKeyBits = 2048;

    private readonly RSA _rsa;

    private Rsa2Signer(RSA rsa, bool canSign)
    {
        _rsa = rsa;
        CanSign = canSign;
    }

    public bool CanSign { get; }

    public int KeyBits => _rsa.KeySize;

    /// <summary>Accepts PKCS#8 <c>PRIVATE KEY</c> (and PKCS#1 <c>RSA PRIVATE KEY</c>, which tools still emit).</summary>
    public static bool TryFromPrivateKeyPem(string? pem, [NotNullWhen(true)] out Rsa2Signer? signer, out string reason) =>
        TryImport(pem, privateKey: true, out signer, out reason);

    /// <summary>Accepts SubjectPublicKeyInfo <c>PUBLIC KEY</c> and PKCS#1 <c>RSA PUBLIC KEY</c>.</summary>
    public static bool TryFromPublicKeyPem(string? pem, [NotNullWhen(true)] out Rsa2Signer? verifier, out string reason) =>
        TryImport(pem, privateKey: false, out verifier, out reason);

    /// <exception cref="ArgumentException">not a usable RSA private key; the message says why.</exception>
    public static Rsa2Signer FromPrivateKeyPem(string pem) =>
        TryFromPrivateKeyPem(pem, out var signer, out var reason) ? signer : throw new ArgumentException(reason, nameof(pem));

    /// <exception cref="ArgumentException">not a usable RSA public key; the message says why.</exception>
    public static Rsa2Signer FromPublicKeyPem(string pem) =>
        TryFromPublicKeyPem(pem, out var verifier, out var reason) ? verifier : throw new ArgumentException(reason, nameof(pem));

    /// <summary>Signs the sign string's UTF-8 bytes.</summary>
    public string Sign(string signString) => Convert.ToBase64String(SignBytes(SignString.ToBytes(signString)));

    public byte[] SignBytes(ReadOnlySpan<byte> data)
    {
        if (!CanSign)
            throw new InvalidOperationException("this key is public only; it can verify but not sign");
        return _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>False for a wrong signature, malformed Base64 or a string that cannot be UTF-8 encoded; never throws
    /// on hostile input.</summary>
    public bool Verify(string signString, string? base64Signature)
    {
        if (string.IsNullOrEmpty(base64Signature))
            return false;
        var signature = new byte[(base64Signature.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64Signature, signature, out var length))
            return false;
        byte[] data;
        try
        {
            data = SignString.ToBytes(signString);
        }
        catch (ArgumentException)
        {
            return false;
        }
        return _rsa.VerifyData(data, signature.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public void Dispose() => _rsa.Dispose();

    private static bool TryImport(string? pem, bool privateKey, [NotNullWhen(true)] out Rsa2Signer? signer, out string reason)
    {
        signer = null;
        var what = privateKey ? "private" : "public";
        if (string.IsNullOrWhiteSpace(pem))
        {
            reason = $"RSA {what} key PEM is empty";
            return false;
        }
        var isPrivatePem = pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal);
        if (privateKey != isPrivatePem)
        {
            reason = privateKey
                ? "expected a PEM private key (-----BEGIN PRIVATE KEY-----), got something else"
                : "expected a PEM public key (-----BEGIN PUBLIC KEY-----); never give the bridge the platform's private key";
            return false;
        }
        if (pem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal))
        {
            reason = "encrypted PKCS#8 keys are not supported; decrypt the key into a protected file or secret";
            return false;
        }
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            reason = $"not a readable RSA {what} key: {e.Message}";
            return false;
        }
        if (rsa.KeySize < MinimumKeyBits)
        {
            reason = $"RSA key has {rsa.KeySize} bits; RSA2 needs at least {MinimumKeyBits}";
            rsa.Dispose();
            return false;
        }
        signer = new Rsa2Signer(rsa, privateKey);
        reason = "";
        return true;
    }
}
