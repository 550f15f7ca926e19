using System.Security.Cryptography;
using DataPlatform.RegulatorBridge.Keys;

namespace DataPlatform.RegulatorBridge.Tests;

public sealed class KeySourceTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "dataplatform-tests", "keys-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Generated_pairs_are_made_once_owner_only_and_sign_and_verify()
    {
        var first = KeyPairFiles.EnsureGenerated(Folder, "enterprise");
        var pem = File.ReadAllText(first.PrivateKeyFile);
        var again = KeyPairFiles.EnsureGenerated(Folder, "enterprise");
        Assert.Equal(pem, File.ReadAllText(again.PrivateKeyFile));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.PrivateKeyFile));
        using var signer = KeySource.PrivateKey(first.PrivateKeyFile, "");
        using var verifier = KeySource.PublicKey(first.PublicKeyFile, "");
        Assert.True(verifier.Verify("a=1&b=二", signer.Sign("a=1&b=二")));
    }

    [Fact]
    public void A_pkcs1_key_from_an_environment_variable_is_accepted()
    {
        using var rsa = RSA.Create(2048);
        var variable = "TEST_BRIDGE_KEY_" + Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable(variable, rsa.ExportRSAPrivateKeyPem());
        try
        {
            using var signer = KeySource.PrivateKey("", variable);
            Assert.True(signer.CanSign);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Missing_short_or_wrong_keys_stop_the_bridge_with_the_reason()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => KeySource.PrivateKey(Path.Combine(Folder, "nope.pem"), ""));
        Assert.Contains("不存在", missing.Message);
        Assert.Throws<InvalidOperationException>(() => KeySource.PrivateKey("", "TEST_BRIDGE_UNSET_" + Guid.NewGuid().ToString("N")));
        using var small = RSA.Create(1024);
        var shortFile = Path.Combine(Folder, "short.pem");
        Directory.CreateDirectory(Folder);
        File.WriteAllText(shortFile, small.ExportPkcs8PrivateKeyPem());
        Assert.Contains("2048", Assert.Throws<InvalidOperationException>(() => KeySource.PrivateKey(shortFile, "")).Message);
        var pair = KeyPairFiles.EnsureGenerated(Folder, "platform");
        Assert.Throws<InvalidOperationException>(() => KeySource.PublicKey(pair.PrivateKeyFile, ""));
    }
}
