using DataPlatform.Compliance.Trips;
using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Compliance.Tests;

public sealed class TripPairingTests
{
    private static readonly VehicleKey Truck1 = Key("冀B12345");

    private static Passage Pass(string id, Direction direction, int minutes, VehicleKey? vehicle = null, string enterprise = Enterprise) =>
        new(id, enterprise, direction == Direction.In ? "G01" : "G02", vehicle ?? Truck1, direction, Now.AddMinutes(minutes));

    private static Weighing Weigh(string id, int minutes, int kg, string? cargo = "铁矿石", VehicleKey? vehicle = null) =>
        new(id, Enterprise, vehicle ?? Truck1, Now.AddMinutes(minutes), kg, cargo);

    [Fact]
    public void Delivery_pairs_entry_and_exit_and_nets_gross_minus_tare()
    {
        var result = TripPairing.Pair(
            [Pass("in-1", Direction.In, 0), Pass("out-1", Direction.Out, 95)],
            [Weigh("w-1", 5, 49_020), Weigh("w-2", 90, 15_340, cargo: null)]);
        var trip = Assert.Single(result.Trips);
        Assert.Equal("in-1", trip.TripId);
        Assert.Equal("out-1", trip.Exit!.PassageId);
        Assert.Equal(TripLoad.Inbound, trip.Load);
        Assert.Equal(49_020, trip.GrossKg);
        Assert.Equal(15_340, trip.TareKg);
        Assert.Equal(33_680, trip.NetKg);
        Assert.Equal("铁矿石", trip.CargoName);
        Assert.Empty(result.OrphanExits);
        Assert.Empty(result.UnmatchedWeighings);
    }

    [Fact]
    public void Shipment_weighs_tare_first()
    {
        var trip = Assert.Single(TripPairing.Pair(
            [Pass("in-1", Direction.In, 0), Pass("out-1", Direction.Out, 60)],
            [Weigh("w-1", 3, 14_800, "螺纹钢"), Weigh("w-2", 50, 46_200, "螺纹钢")]).Trips);
        Assert.Equal(TripLoad.Outbound, trip.Load);
        Assert.Equal(31_400, trip.NetKg);
    }

    [Fact]
    public void Exit_without_entry_is_an_orphan_and_entry_without_exit_stays_open()
    {
        var result = TripPairing.Pair([Pass("out-0", Direction.Out, -10), Pass("in-1", Direction.In, 0)], [Weigh("w-1", 5, 30_000)]);
        Assert.Equal("out-0", Assert.Single(result.OrphanExits).PassageId);
        var trip = Assert.Single(result.Trips);
        Assert.True(trip.IsOpen);
        Assert.Single(trip.Weighings);
        Assert.Null(trip.NetKg);
        Assert.Equal(TripLoad.Unknown, trip.Load);
    }

    [Fact]
    public void A_missed_exit_leaves_the_first_entry_open_and_pairs_the_second()
    {
        var result = TripPairing.Pair(
            [Pass("in-1", Direction.In, 0), Pass("in-2", Direction.In, 300), Pass("out-2", Direction.Out, 360)],
            [Weigh("w-1", 10, 40_000), Weigh("w-2", 310, 41_000), Weigh("w-3", 350, 16_000)]);
        Assert.Equal(2, result.Trips.Count);
        Assert.True(result.Trips[0].IsOpen);
        Assert.Equal(["w-1"], result.Trips[0].Weighings.Select(w => w.WeighingId));
        Assert.Equal("out-2", result.Trips[1].Exit!.PassageId);
        Assert.Equal(25_000, result.Trips[1].NetKg);
    }

    [Fact]
    public void Out_of_order_and_duplicate_input_gives_the_same_trips()
    {
        Passage[] ordered = [Pass("in-1", Direction.In, 0), Pass("out-1", Direction.Out, 60), Pass("in-2", Direction.In, 120), Pass("out-2", Direction.Out, 200)];
        Weighing[] weighings = [Weigh("w-1", 5, 40_000), Weigh("w-2", 55, 15_000)];
        var expected = TripPairing.Pair(ordered, weighings);
        var messy = TripPairing.Pair([ordered[3], ordered[1], ordered[1], ordered[2], ordered[0], ordered[3]], [weighings[1], weighings[0], weighings[1]]);
        Assert.True(expected.SameAs(messy));
        Assert.Equal(2, messy.Trips.Count);
    }

    [Fact]
    public void Vehicles_colours_and_enterprises_are_paired_separately()
    {
        var result = TripPairing.Pair(
            [Pass("in-1", Direction.In, 0), Pass("out-b", Direction.Out, 30, Key("冀B12345", PlateColor.Blue)),
             Pass("out-x", Direction.Out, 40, enterprise: OtherEnterprise)],
            []);
        Assert.True(Assert.Single(result.Trips).IsOpen);
        Assert.Equal(["out-b", "out-x"], result.OrphanExits.Select(p => p.PassageId).Order());
    }

    [Fact]
    public void Max_trip_duration_keeps_a_late_exit_from_closing_an_old_entry()
    {
        var passages = new[] { Pass("in-1", Direction.In, 0), Pass("out-1", Direction.Out, 60 * 24 * 5) };
        Assert.False(Assert.Single(TripPairing.Pair(passages, []).Trips).IsOpen);
        var limited = TripPairing.Pair(passages, [], new TripPairingOptions(TimeSpan.FromDays(2)));
        Assert.True(Assert.Single(limited.Trips).IsOpen);
        Assert.Single(limited.OrphanExits);
    }

    [Fact]
    public void Weighings_outside_every_trip_are_unmatched()
    {
        var result = TripPairing.Pair([Pass("in-1", Direction.In, 0), Pass("out-1", Direction.Out, 60)],
            [Weigh("early", -5, 40_000), Weigh("late", 61, 15_000), Weigh("stranger", 30, 20_000, vehicle: Key("冀B67890"))]);
        Assert.Empty(Assert.Single(result.Trips).Weighings);
        Assert.Equal(["early", "late", "stranger"], result.UnmatchedWeighings.Select(w => w.WeighingId).Order());
    }

    [Fact]
    public void Passage_from_a_gate_event_uses_the_event_id()
    {
        var passage = Passage.From(Entry("冀B12345"));
        Assert.Equal("cam01-000123", passage.PassageId);
        Assert.Equal(Truck1, passage.Vehicle);
        Assert.Equal(Direction.In, passage.Direction);
    }
}
