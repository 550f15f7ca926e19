using ClickHouse.Driver;
using DataPlatform.Gate.Registers;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>Every stored version of the road-vehicle and in-plant register records of some plates, for
/// <see cref="PassageEnrichment"/> (registers are small: a plate has a handful of versions).</summary>
public sealed class RegisterVersionReader(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    private string Db => $"`{options.Value.Database}`";

    public async Task<List<VehicleRegisterVersion>> ForPlatesAsync(IReadOnlyCollection<string> plates, CancellationToken ct)
    {
        var versions = new List<VehicleRegisterVersion>();
        if (plates.Count == 0) return versions;
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT 'road' AS register, row_id, enterprise_id, plate_no, plate_color, version,
                   toUnixTimestamp64Milli(changed_at) AS changed_at_ms, mapKeys(fields) AS field_names, mapValues(fields) AS field_values
            FROM {{Db}}.road_vehicles FINAL WHERE plate_no IN {plates:Array(String)}
            UNION ALL
            SELECT 'in-plant', row_id, enterprise_id, plate_no, plate_color, version,
                   toUnixTimestamp64Milli(changed_at), mapKeys(fields), mapValues(fields)
            FROM {{Db}}.in_plant_vehicles FINAL WHERE plate_no IN {plates:Array(String)}
            """,
            ClickHouseParameters.Of(("plates", plates.Distinct().ToArray())), null, ct);
        while (reader.Read())
        {
            var names = reader.Strings("field_names");
            var values = reader.Strings("field_values");
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++) fields[names[i]] = values[i];
            RegisterKinds.TryParse(reader.String("register"), out var kind);
            versions.Add(new VehicleRegisterVersion(reader.Uuid("row_id"), kind, reader.String("enterprise_id"), reader.String("plate_no"),
                reader.String("plate_color"), reader.UInt32("version"), reader.UnixMillis("changed_at_ms"), fields));
        }
        return versions;
    }
}
