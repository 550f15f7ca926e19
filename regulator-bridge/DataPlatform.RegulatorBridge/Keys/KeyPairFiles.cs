using System.Security.Cryptography;

namespace DataPlatform.RegulatorBridge.Keys;

/// <summary>An RSA key pair as two PEM files, generated once (standalone mode's first start) and reused after.</summary>
public sealed record KeyPairFiles(string PrivateKeyFile, string PublicKeyFile)
{
    /// <summary>Creates <c>DIR/NAME-private.pem</c> (PKCS#8, owner-only) and <c>DIR/NAME-public.pem</c> unless they exist.</summary>
    public static KeyPairFiles EnsureGenerated(string directory, string name, int bits = 2048)
    {
        Directory.CreateDirectory(directory);
        var pair = new KeyPairFiles(Path.Combine(directory, $"{name}-private.pem"), Path.Combine(directory, $"{name}-public.pem"));
        if (File.Exists(pair.PrivateKeyFile) && File.Exists(pair.PublicKeyFile))
            return pair;
        using var rsa = RSA.Create(bits);
        WriteAtomically(pair.PrivateKeyFile, rsa.ExportPkcs8PrivateKeyPem(), ownerOnly: true);
        WriteAtomically(pair.PublicKeyFile, rsa.ExportSubjectPublicKeyInfoPem(), ownerOnly: false);
        return pair;
    }

    private static void WriteAtomically(string path, string text, bool ownerOnly)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        if (ownerOnly && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: true);
    }
}
