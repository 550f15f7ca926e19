using ClickHouse.Driver;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Registers;

/// <summary>Looks plates up in the latest in-plant and non-road registers (the ledger is the source of truth for
/// registration codes, which the gate's registry does not carry).</summary>
public sealed class RegisteredPlates(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    public sealed record Entry(bool NonRoad, string RegistrationCode, string MachineryKind, string Stage);

    public async Task<Dictionary<(string Enterprise, string Plate), Entry>> FindAsync(IReadOnlyCollection<string> plates, CancellationToken ct)
    {
        var found = new Dictionary<(string, string), Entry>();
        if (plates.Count == 0) return found;
        var db = $"`{options.Value.Database}`";
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT enterprise_id, plate_no, 1 AS non_road, registration_code, machinery_kind, stage
            FROM {{db}}.non_road_machinery_latest WHERE plate_no IN {plates:Array(String)}
            UNION ALL
            SELECT enterprise_id, plate_no, 0, registration_code, '', stage
            FROM {{db}}.in_plant_vehicles_latest WHERE plate_no IN {plates:Array(String)}
            """,
            ClickHouseParameters.Of(("plates", plates.ToArray())), null, ct);
        while (reader.Read())
            found.TryAdd((reader.String("enterprise_id"), reader.String("plate_no")),
                new Entry(reader.Int32("non_road") == 1, reader.String("registration_code"), reader.String("machinery_kind"), reader.String("stage")));
        return found;
    }
}
