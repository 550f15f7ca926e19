using ClickHouse.Driver.ADO.Parameters;

namespace DataPlatform.Ledger;

/// <summary>Builds query parameters for <c>{name:Type}</c> placeholders without string-splicing values.</summary>
public static class ClickHouseParameters
{
    public static ClickHouseParameterCollection Of(params (string Name, object Value)[] values)
    {
        var collection = new ClickHouseParameterCollection();
        foreach (var (name, value) in values)
            collection.Add(new ClickHouseDbParameter { ParameterName = name, Value = value });
        return collection;
    }
}
