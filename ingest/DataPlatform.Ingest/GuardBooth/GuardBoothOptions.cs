namespace DataPlatform.Ingest.GuardBooth;

/// <summary>The guard booth's accounts (<c>Ingest:GuardBooth</c>). Every booth request names its operator
/// (<c>X-Operator-Id</c>) and proves it with the operator's token or an HMAC signature — the devices' scheme
/// (<see cref="Devices.DeviceAuthenticator"/>), so booth software signs the way gate controllers do. With no
/// operator configured the booth API refuses everything: an unaudited register is worse than none.</summary>
public sealed class GuardBoothOptions
{
    public List<GuardOperatorOptions> Operators { get; set; } = [];
}

/// <summary>One guard-booth operator account.</summary>
public sealed class GuardOperatorOptions
{
    /// <summary>1..32 of [A-Za-z0-9._-]; recorded in the audit log and as the manual passage's source.</summary>
    public string OperatorId { get; set; } = "";

    /// <summary>Shown in the audit listing, e.g. "门岗1 张三".</summary>
    public string Name { get; set; } = "";

    /// <summary>The enterprise the operator works for; requests for another enterprise are refused. Empty: any.</summary>
    public string EnterpriseId { get; set; } = "";

    /// <summary>Bearer token (<c>Authorization: Bearer</c> or <c>X-Device-Token</c>).</summary>
    public string Token { get; set; } = "";

    /// <summary>HMAC-SHA256 key: <c>X-Device-Timestamp</c> + <c>X-Device-Signature</c> over
    /// "{operatorId}\n{timestamp}\n" ‖ body.</summary>
    public string HmacSecret { get; set; } = "";
}
