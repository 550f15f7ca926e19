namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>Where HTTPS requests go.</summary>
public sealed class HttpsOptions
{
    public string BaseUrl { get; set; } = "";

    /// <summary>Appended to <see cref="BaseUrl"/>; <c>{method}</c> is replaced by the method name. Empty: every
    /// call goes to the base URL and the envelope's method field routes it (the spec §5 gateway style).</summary>
    public string PathTemplate { get; set; } = "";

    public string UrlFor(string method) =>
        PathTemplate.Length == 0 ? BaseUrl : BaseUrl.TrimEnd('/') + "/" + PathTemplate.TrimStart('/').Replace("{method}", Uri.EscapeDataString(method), StringComparison.Ordinal);

    public HttpsOptions Clone() => (HttpsOptions)MemberwiseClone();
}
