using DataPlatform.RegulatorBridge.Signing;

namespace DataPlatform.RegulatorBridge.Keys;

/// <summary>Reads PEM keys from a file or an environment variable, never from configuration text that could end up
/// in the repository. A missing or unreadable key stops the bridge with a message saying which and why.</summary>
public static class KeySource
{
    /// <exception cref="InvalidOperationException">no key, or not a usable RSA2 key.</exception>
    public static Rsa2Signer PrivateKey(string file, string variable) =>
        Rsa2Signer.TryFromPrivateKeyPem(Read(file, variable, "私钥"), out var signer, out var reason)
            ? signer
            : throw new InvalidOperationException($"监管平台对接私钥不可用（{Where(file, variable)}）：{reason}");

    /// <exception cref="InvalidOperationException">no key, or not a usable RSA public key.</exception>
    public static Rsa2Signer PublicKey(string file, string variable) =>
        Rsa2Signer.TryFromPublicKeyPem(Read(file, variable, "平台公钥"), out var verifier, out var reason)
            ? verifier
            : throw new InvalidOperationException($"监管平台公钥不可用（{Where(file, variable)}）：{reason}");

    private static string Read(string file, string variable, string what)
    {
        if (!string.IsNullOrWhiteSpace(file))
        {
            if (!File.Exists(file))
                throw new InvalidOperationException($"{what}文件 {file} 不存在");
            return File.ReadAllText(file);
        }
        if (!string.IsNullOrWhiteSpace(variable) && Environment.GetEnvironmentVariable(variable) is { Length: > 0 } pem)
            return pem;
        throw new InvalidOperationException($"未配置{what}：设置文件路径或环境变量 {variable}");
    }

    private static string Where(string file, string variable) =>
        string.IsNullOrWhiteSpace(file) ? $"环境变量 {variable}" : $"文件 {file}";
}
