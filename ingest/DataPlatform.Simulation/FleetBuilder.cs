using DataPlatform.Gate;

namespace DataPlatform.Simulation;

/// <summary>Draws a profile's fleet: plates unique, stage and fuel from the profile's mix, NEVs on 黄绿双拼
/// large NEV plates, hazmat tank trucks with use nature R, carriers, and tare/payload by vehicle class.</summary>
internal static class FleetBuilder
{
    public static IReadOnlyList<SimulatedVehicle> Build(SimulationProfile profile, Random random)
    {
        var home = HomeProvince(profile.EnterpriseId);
        var plates = new HashSet<string>(StringComparer.Ordinal);
        var fleet = new List<SimulatedVehicle>(profile.FleetSize);
        while (fleet.Count < profile.FleetSize)
        {
            var hazmat = random.NextDouble() < profile.HazmatShare;
            var type = hazmat ? (random.NextDouble() < 0.6 ? "H14" : "Q11") : Weighted(random, profile.VehicleTypes);
            var heavy = type[0] == 'Q' || type.StartsWith("H1", StringComparison.Ordinal) || type.StartsWith("H2", StringComparison.Ordinal) || type.StartsWith("K1", StringComparison.Ordinal);
            var nev = !hazmat && random.NextDouble() < profile.NevShare;
            var electric = nev && random.NextDouble() < 0.85;
            var plate = nev ? SimulatedPlates.LargeNewEnergy(random, home, electric) : SimulatedPlates.Ordinary(random, home);
            if (!plates.Add(plate)) continue;
            var (stage, fuel) = nev
                ? (electric ? (EmissionStage.Electric, FuelType.Electric) : (EmissionStage.Guo6, FuelType.Hybrid))
                : (Weighted(random, profile.StageMix), !heavy ? FuelType.Gasoline : random.NextDouble() < profile.GasShare ? FuelType.NaturalGas : FuelType.Diesel);
            var (tare, payload) = type switch
            {
                ['Q', ..] => (14_000, 32_000),
                ['H', '1', ..] => (12_000, 18_000),
                ['H', '2', ..] => (6_000, 7_000),
                ['K', ..] => (9_000, 0),
                _ => (2_500, 1_500),
            };
            fleet.Add(new SimulatedVehicle(plate, nev ? "yellowgreen" : heavy ? "yellow" : "blue", type, stage, fuel,
                hazmat ? UseNature.DangerousGoods : type[0] == 'K' ? UseNature.NonOperating : UseNature.Freight,
                profile.Carriers[random.Next(profile.Carriers.Count)], SimulatedPlates.Vin(random),
                Kg(tare * (0.85 + 0.3 * random.NextDouble())), Kg(payload * (0.7 + 0.3 * random.NextDouble()))));
        }
        // Drawn after the fleet so adding high emitters left every plate, stage and weight of a seed unchanged.
        return [.. fleet.Select(v => v.Smokes && random.NextDouble() < profile.HighEmitterShare ? v with { HighEmitter = true } : v)
            .Select(v => Tagged(profile, v))];
    }

    // From the plate's hash, not the generator: adding e-tags changed nothing else a seed gives.
    private static SimulatedVehicle Tagged(SimulationProfile profile, SimulatedVehicle vehicle)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("etag/" + vehicle.Plate));
        return hash[0] / 256.0 < profile.ETagShare ? vehicle with { Epc = "E280" + Convert.ToHexString(hash, 1, 10) } : vehicle;
    }

    /// <summary>Rounded to the 20 kg division of a truck scale.</summary>
    public static decimal Kg(double kg) => Math.Round((decimal)kg / 20m) * 20m;

    public static T Weighted<T>(Random random, IReadOnlyList<(T Value, double Weight)> table)
    {
        var roll = random.NextDouble() * table.Sum(t => t.Weight);
        foreach (var (value, weight) in table)
            if ((roll -= weight) < 0) return value;
        return table[^1].Value;
    }

    // Enterprise ids start with the province's administrative code: 13 Hebei, 32 Jiangsu, 37 Shandong, 44 Guangdong.
    private static char HomeProvince(string enterpriseId) => enterpriseId.Length >= 3 ? enterpriseId[1..3] switch
    {
        "13" => '冀', "32" => '苏', "37" => '鲁', "44" => '粤', "11" => '京', "12" => '津', _ => '冀',
    } : '冀';
}
