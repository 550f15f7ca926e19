using DataPlatform.Gate;
using DataPlatform.Processing.Registers;
using DataPlatform.Processing.Registers.National;
using DataPlatform.Simulation;
using DataPlatform.Simulation.NationalPlatform;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Tests.Registers;

/// <summary>The HTTP client against the platform simulator on a real socket.</summary>
public sealed class NationalPlatformClientTests
{
    private static NationalPlatformClient Client(NationalPlatformSimulator national, string key) =>
        new(new HttpClient(), Options.Create(new RegistersOptions { NationalPlatformUrl = national.BaseUri!.ToString(), NationalPlatformAppKey = key }));

    [Fact]
    public async Task Every_vehicle_of_the_simulated_fleet_is_found_by_plate_and_by_vin()
    {
        var profile = SimulationProfile.Find("steel")! with { FleetSize = 40 };
        await using var national = NationalPlatformSimulator.ForFleet(profile, seed: 5, appKey: "k");
        await national.StartAsync();
        var client = Client(national, "k");
        var fleet = new GateEventGenerator(profile, 5).Fleet;
        foreach (var vehicle in fleet.Take(10))
        {
            var byPlate = await client.LookupAsync(new NationalLookup(PlateNo: vehicle.Plate, PlateColor: vehicle.PlateColor), default);
            var byVin = await client.LookupAsync(new NationalLookup(Vin: vehicle.Vin), default);
            Assert.Equal((vehicle.Stage.InternalCode, vehicle.Fuel.Code, vehicle.VehicleType), (byPlate!.Stage, byPlate.Fuel, byPlate.VehicleType));
            Assert.Equal(byPlate, byVin);
            // What the platform says passes the register's own checks.
            Assert.NotNull(NationalRecord.ToChange(profile.EnterpriseId, PlateNumber.Parse(vehicle.Plate),
                PlateColor.TryParse(vehicle.PlateColor, out var c, out _) ? c : PlateColor.Unknown, byPlate, DateTimeOffset.Now).Change);
        }
        Assert.Null(await client.LookupAsync(new NationalLookup(PlateNo: "京A00000", PlateColor: "blue"), default));
    }

    [Fact]
    public async Task Machinery_is_found_by_registration_code_and_a_wrong_key_is_an_error()
    {
        await using var national = new NationalPlatformSimulator(
            [new NationalVehicleInfo(null, null, null, "HB-NR-0042", "3", "B", null, "loader", "ZL50", "WD10", "潍柴", null, "某公司")], appKey: "k");
        await national.StartAsync();
        var found = await Client(national, "k").LookupAsync(new NationalLookup(RegistrationCode: "hb-nr-0042"), default);
        Assert.Equal(("3", "loader"), (found!.Stage, found.MachineryKind));
        await Assert.ThrowsAsync<HttpRequestException>(() => Client(national, "wrong").LookupAsync(new NationalLookup(RegistrationCode: "HB-NR-0042"), default));
    }

    [Fact]
    public void A_national_record_that_breaks_the_stage_fuel_rules_is_not_learnt()
    {
        var info = new NationalVehicleInfo(null, "冀B12345", "yellow", null, "D", "B", "H11", null, null, null, null, "F", null);
        var (change, rejection) = NationalRecord.ToChange("E1", PlateNumber.Parse("冀B12345"), PlateColor.Yellow, info, DateTimeOffset.Now);
        Assert.Null(change);
        Assert.Equal("electric_stage_fuel", rejection!.Code);
        var ok = info with { Stage = "6", Fuel = "B" };
        var (first, _) = NationalRecord.ToChange("E1", PlateNumber.Parse("冀B12345"), PlateColor.Yellow, ok, DateTimeOffset.Now);
        var (second, _) = NationalRecord.ToChange("E1", PlateNumber.Parse("冀B12345"), PlateColor.Yellow, ok, DateTimeOffset.Now.AddHours(1));
        Assert.Equal(first!.ChangeId, second!.ChangeId); // asked twice, learnt once
    }
}
