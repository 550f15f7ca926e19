namespace DataPlatform.Analytics.Sql;

/// <summary>
/// Who the SQL console (<c>dataplatform sql</c>) connects as. Bound from <c>Analytics:Sql</c>. The user must be
/// read-only in the engine (the standalone's <c>analyst</c>; compose's <c>analyst</c> profile with readonly = 1),
/// so an analyst's statement can never change the ledger. The endpoint and database are the ledger's
/// (<c>ClickHouse:Endpoint</c>, <c>ClickHouse:Database</c>).
/// </summary>
public sealed class AnalystSqlOptions
{
    public string Username { get; set; } = "analyst";

    public string Password { get; set; } = "";
}
