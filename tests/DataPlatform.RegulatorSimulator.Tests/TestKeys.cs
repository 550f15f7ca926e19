using System.Security.Cryptography;
using DataPlatform.RegulatorBridge.Signing;

namespace DataPlatform.RegulatorSimulator.Tests;

/// <summary>A fresh 2048-bit key pair as PEM text, generated at run time (keys never live in the repository).</summary>
internal sealed record TestKeys(string PrivatePem, string PublicPem)
{
    public static readonly TestKeys Enterprise = Generate();
    public static readonly TestKeys Platform = Generate();
    private static readonly Lazy<TestKeys> LazyStranger = new(Generate);

    /// <summary>Neither the enterprise's nor the platform's: signs forgeries.</summary>
    public static TestKeys Stranger => LazyStranger.Value;

    public static TestKeys Generate()
    {
        using var rsa = RSA.Create(2048);
        return new TestKeys(rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    }

    public Rsa2Signer Signer() => Rsa2Signer.FromPrivateKeyPem(PrivatePem);

    public Rsa2Signer Verifier() => Rsa2Signer.FromPublicKeyPem(PublicPem);
}
