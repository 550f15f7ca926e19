using DataPlatform.Ingest.Devices;

namespace DataPlatform.Ingest.GuardBooth;

/// <summary>The configured operators, validated at start, and the check of one request's credentials.</summary>
public sealed class GuardOperators
{
    public const string OperatorIdHeader = "X-Operator-Id";

    private readonly Dictionary<string, (GuardOperatorOptions Options, DeviceRegistration Credential)> _byId = new(StringComparer.Ordinal);

    public GuardOperators(IEnumerable<GuardOperatorOptions> operators)
    {
        foreach (var o in operators)
        {
            if (!DeviceRegistry.IsValidDeviceId(o.OperatorId))
                throw new InvalidOperationException($"Ingest:GuardBooth:Operators '{o.OperatorId}': operatorId must be 1..32 of A-Z a-z 0-9 . _ -");
            if (string.IsNullOrEmpty(o.Token) && string.IsNullOrEmpty(o.HmacSecret))
                throw new InvalidOperationException($"Ingest:GuardBooth:Operators '{o.OperatorId}': a credential is required (token or hmacSecret)");
            var credential = new DeviceRegistration(o.OperatorId, DeviceKind.Generic, o.EnterpriseId.Trim(), "", "", null, o.Token, o.HmacSecret, 100);
            if (!_byId.TryAdd(o.OperatorId, (o, credential)))
                throw new InvalidOperationException($"Ingest:GuardBooth:Operators: operator '{o.OperatorId}' is listed twice");
        }
    }

    public int Count => _byId.Count;

    /// <summary>The operator when <paramref name="credentials"/> prove to be <paramref name="operatorId"/>, else why not (Chinese).</summary>
    public (GuardOperatorOptions? Operator, string? Failure) Authenticate(
        string? operatorId, PushCredentials credentials, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan maxSkew)
    {
        if (string.IsNullOrEmpty(operatorId))
            return (null, $"未提供操作员编号（{OperatorIdHeader}）");
        if (!_byId.TryGetValue(operatorId, out var entry))
            return (null, $"未知操作员“{(operatorId.Length > 32 ? operatorId[..32] : operatorId)}”");
        var failure = DeviceAuthenticator.Check(entry.Credential, credentials, body, now, maxSkew);
        return failure is null ? (entry.Options, null) : (null, $"操作员认证失败：{failure}");
    }
}
