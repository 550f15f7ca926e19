namespace DataPlatform.Ledger;

/// <summary>Where the ledger lives. Bound from the <c>ClickHouse</c> configuration section.</summary>
public sealed class ClickHouseOptions
{
    /// <summary>The ClickHouse HTTP endpoint; the standalone platform serves one on this address by default.</summary>
    public string Endpoint { get; set; } = "http://127.0.0.1:8123";

    /// <summary>Database holding the ledger tables; created by the first migration.</summary>
    public string Database { get; set; } = "ledger";

    public string Username { get; set; } = "default";

    public string Password { get; set; } = "";

    /// <summary>Whether request and response bodies are compressed (zstd). Unset: yes, except for a loopback endpoint
    /// (the standalone's embedded engine, a server on the same host), where compressing costs CPU on both ends and
    /// saves no network: on the bridge's 补传 benchmark the zstd code was an eighth of what the JIT compiled while the
    /// backlog drained.</summary>
    public bool? Compression { get; set; }

    /// <summary>The compression in force: <see cref="Compression"/>, else on unless <see cref="Endpoint"/> is loopback.</summary>
    public bool Compresses => Compression ?? !new Uri(Endpoint).IsLoopback;

    /// <summary>ClickHouse.Driver connection string for <see cref="Endpoint"/>, without a default database so
    /// the migrations can create it.</summary>
    public string ConnectionString(bool withDatabase = true)
    {
        var uri = new Uri(Endpoint);
        var text = $"Host={uri.Host};Port={uri.Port};Protocol={uri.Scheme};Username={Username};Password={Password};Compression={Compresses}";
        return withDatabase ? text + $";Database={Database}" : text;
    }
}
