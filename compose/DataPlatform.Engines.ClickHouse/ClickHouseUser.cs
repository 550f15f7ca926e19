namespace DataPlatform.Engines.ClickHouse;

/// <summary>A user of the embedded endpoint, checked like ClickHouse checks its users' passwords.</summary>
/// <param name="Name">The name clients send (<c>X-ClickHouse-User</c>, HTTP Basic or <c>?user=</c>).</param>
/// <param name="Password">The password; compared in constant time.</param>
/// <param name="ReadOnly">
/// True for analysts and dashboards: every request of this user runs with <c>readonly = 1</c>, which the
/// engine enforces — no INSERT, ALTER, DELETE, DDL, SET, nor table functions that reach files, URLs or
/// other servers — whatever the request asks for.
/// </param>
public sealed record ClickHouseUser(string Name, string Password, bool ReadOnly)
{
    /// <summary>No password in logs or exception messages.</summary>
    public override string ToString() => $"{Name} ({(ReadOnly ? "readonly" : "read-write")})";
}
