using System.Security.Cryptography;
using DataPlatform.RegulatorBridge.Signing;

namespace DataPlatform.RegulatorBridge.Tests;

/// <summary>A fresh 2048-bit key pair as PEM text. RSA generation is slow, so each test class makes its pairs
/// once, in a static field.</summary>
internal sealed record TestKeys(string PrivatePem, string PublicPem, string Pkcs1PublicPem)
{
    public static TestKeys Generate(int bits = 2048)
    {
        using var rsa = RSA.Create(bits);
        return new TestKeys(rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem(), rsa.ExportRSAPublicKeyPem());
    }

    public Rsa2Signer Signer() => Rsa2Signer.FromPrivateKeyPem(PrivatePem);

    public Rsa2Signer Verifier() => Rsa2Signer.FromPublicKeyPem(PublicPem);
}
