using DataPlatform.Compliance.Trips;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Tests.Shared;

namespace DataPlatform.Compliance.Tests;

public sealed class TripPairingProperties
{
    public sealed record Stream(IReadOnlyList<Passage> Passages, IReadOnlyList<Weighing> Weighings)
    {
        public override string ToString() =>
            string.Join("\n", Passages.Select(p => $"{p.PassageId} {p.Vehicle} {p.Direction} {p.Time:HH:mm}"))
            + "\n" + string.Join("\n", Weighings.Select(w => $"{w.WeighingId} {w.Vehicle} {w.Time:HH:mm} {w.Kg}"));
    }

    private static readonly VehicleKey[] Vehicles = [Key("冀B12345"), Key("冀B12345", PlateColor.Blue), Key("冀B67890")];

    // Few vehicles and a narrow time range, so passages interleave, collide in time and arrive in any order.
    private static readonly Gen<Stream> StreamGen =
        from passageCount in Gen.Choose(0, 25)
        from passages in Gen.ArrayOf(
            from vehicle in Gen.Elements(Vehicles)
            from enterprise in Gen.Elements(Enterprise, Enterprise, OtherEnterprise)
            from direction in Gen.Elements(Direction.In, Direction.Out)
            from minute in Gen.Choose(0, 240)
            select (vehicle, enterprise, direction, minute), passageCount)
        from weighingCount in Gen.Choose(0, 15)
        from weighings in Gen.ArrayOf(
            from vehicle in Gen.Elements(Vehicles)
            from minute in Gen.Choose(0, 240)
            from kg in Gen.Choose(10_000, 49_000)
            select (vehicle, minute, kg), weighingCount)
        select new Stream(
            passages.Select((p, i) => new Passage($"p{i}", p.enterprise, "G01", p.vehicle, p.direction, Now.AddMinutes(p.minute))).ToList(),
            weighings.Select((w, i) => new Weighing($"w{i}", Enterprise, w.vehicle, Now.AddMinutes(w.minute), w.kg, "焦炭")).ToList());

    [Property(MaxTest = 1000)]
    public Property Pairing_never_produces_a_trip_that_ends_before_it_starts() =>
        Prop.ForAll(StreamGen.ToArbitrary(), stream =>
        {
            var result = TripPairing.Pair(stream.Passages, stream.Weighings);
            foreach (var trip in result.Trips)
            {
                Assert.Equal(Direction.In, trip.Entry.Direction);
                if (trip.Exit is { } exit)
                {
                    Assert.True(exit.Time >= trip.Entry.Time, $"trip {trip.TripId} ends before it starts");
                    Assert.Equal(Direction.Out, exit.Direction);
                    Assert.Equal((trip.Entry.EnterpriseId, trip.Entry.Vehicle), (exit.EnterpriseId, exit.Vehicle));
                    Assert.All(trip.Weighings, w => Assert.InRange(w.Time, trip.Entry.Time, exit.Time));
                }
                Assert.True(trip.NetKg is null or >= 0);
            }
            // Every passage lands exactly once: as an entry, an exit or an orphan exit.
            var placed = result.Trips.Select(t => t.Entry.PassageId)
                .Concat(result.Trips.Where(t => t.Exit is not null).Select(t => t.Exit!.PassageId))
                .Concat(result.OrphanExits.Select(p => p.PassageId)).Order().ToList();
            Assert.Equal(stream.Passages.Select(p => p.PassageId).Order(), placed);
            // Every weighing lands exactly once too.
            var weighed = result.Trips.SelectMany(t => t.Weighings).Concat(result.UnmatchedWeighings).Select(w => w.WeighingId).Order();
            Assert.Equal(stream.Weighings.Select(w => w.WeighingId).Order(), weighed);
        });

    [Property(MaxTest = 1000)]
    public Property Duplicates_and_reordering_give_the_same_trips() =>
        Prop.ForAll(StreamGen.SelectMany(_ => Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.ListOf(Gen.Choose(0, 100))), (s, x) => (s, x.Item1, x.Item2)).ToArbitrary(), input =>
        {
            var (stream, seed, picks) = input;
            var expected = TripPairing.Pair(stream.Passages, stream.Weighings);
            // Redeliver arbitrary passages and weighings (copies, not the same instances), then shuffle.
            var passages = stream.Passages.Concat(picks.Where(_ => stream.Passages.Count > 0)
                .Select(i => stream.Passages[i % stream.Passages.Count] with { }));
            var weighings = stream.Weighings.Concat(picks.Where(_ => stream.Weighings.Count > 0)
                .Select(i => stream.Weighings[i % stream.Weighings.Count] with { }));
            var actual = TripPairing.Pair(Seeded.Shuffle(passages, seed), Seeded.Shuffle(weighings, seed ^ 0x5a5a));
            Assert.True(expected.SameAs(actual),
                $"expected {expected.Trips.Count} trips / {expected.OrphanExits.Count} orphans, got {actual.Trips.Count} / {actual.OrphanExits.Count}");
        });
}
