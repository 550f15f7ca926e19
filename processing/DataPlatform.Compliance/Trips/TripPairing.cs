using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;

namespace DataPlatform.Compliance.Trips;

/// <summary>Pairs entry and exit passages of the same vehicle (plate + colour) at the same enterprise into trips and
/// joins the weighings made in between. Pure and order-free: input is de-duplicated by id and sorted before
/// pairing, so any reordering or redelivery of the same stream gives the same result.
/// <para>Per vehicle, in time order (an entry before an exit at the same instant): an entry opens a trip (a trip
/// still open is kept as an open trip — its exit was missed); an exit closes the open trip when it is not earlier
/// than the entry (and within <see cref="TripPairingOptions.MaxTripDuration"/>), otherwise it is an orphan exit.
/// A weighing belongs to the trip whose span contains it: [entry, exit] for closed trips, [entry, next entry)
/// for open ones.</para></summary>
public static class TripPairing
{
    public static PairingResult Pair(IEnumerable<Passage> passages, IEnumerable<Weighing> weighings) =>
        Pair(passages, weighings, TripPairingOptions.Default);

    public static PairingResult Pair(IEnumerable<Passage> passages, IEnumerable<Weighing> weighings, TripPairingOptions options)
    {
        var uniquePassages = passages.GroupBy(p => p.PassageId, StringComparer.Ordinal)
            .Select(g => g.OrderBy(p => p, PassageOrder).First());
        var uniqueWeighings = weighings.GroupBy(w => w.WeighingId, StringComparer.Ordinal)
            .Select(g => g.OrderBy(w => w, WeighingOrder).First())
            .ToLookup(w => (w.EnterpriseId, w.Vehicle));

        var trips = new List<Trip>();
        var orphans = new List<Passage>();
        var unmatched = new List<Weighing>();
        var pairedGroups = new HashSet<(string, VehicleKey)>();
        foreach (var group in uniquePassages.GroupBy(p => (p.EnterpriseId, p.Vehicle)))
        {
            pairedGroups.Add(group.Key);
            var spans = PairOneVehicle(group.OrderBy(p => p, PassageOrder), options, orphans);
            JoinWeighings(spans, uniqueWeighings[group.Key], trips, unmatched);
        }
        foreach (var group in uniqueWeighings.Where(g => !pairedGroups.Contains(g.Key)))
            unmatched.AddRange(group);

        return new PairingResult(
            [.. trips.OrderBy(t => t.Entry, PassageOrder)],
            [.. orphans.OrderBy(p => p, PassageOrder)],
            [.. unmatched.OrderBy(w => w, WeighingOrder)]);
    }

    private static List<(Passage Entry, Passage? Exit)> PairOneVehicle(
        IEnumerable<Passage> ordered, TripPairingOptions options, List<Passage> orphans)
    {
        var spans = new List<(Passage, Passage?)>();
        Passage? open = null;
        foreach (var passage in ordered)
        {
            if (passage.Direction == Direction.In)
            {
                if (open is not null)
                    spans.Add((open, null));
                open = passage;
            }
            else if (open is not null && passage.Time >= open.Time
                     && (options.MaxTripDuration is not { } max || passage.Time - open.Time <= max))
            {
                spans.Add((open, passage));
                open = null;
            }
            else
            {
                orphans.Add(passage);
            }
        }
        if (open is not null)
            spans.Add((open, null));
        return spans;
    }

    private static void JoinWeighings(
        List<(Passage Entry, Passage? Exit)> spans, IEnumerable<Weighing> weighings, List<Trip> trips, List<Weighing> unmatched)
    {
        var buckets = spans.Select(_ => new List<Weighing>()).ToList();
        foreach (var weighing in weighings.OrderBy(w => w, WeighingOrder))
        {
            var index = spans.FindIndex(s => weighing.Time >= s.Entry.Time && (s.Exit is { } exit
                ? weighing.Time <= exit.Time
                : NextEntryAfter(spans, s.Entry) is not { } next || weighing.Time < next.Time));
            if (index < 0)
                unmatched.Add(weighing);
            else
                buckets[index].Add(weighing);
        }
        for (var i = 0; i < spans.Count; i++)
        {
            var (entry, exit) = spans[i];
            trips.Add(new Trip(entry.PassageId, entry.EnterpriseId, entry.Vehicle, entry, exit, buckets[i]));
        }
    }

    // Spans are in entry order, so the next span's entry is the next entry.
    private static Passage? NextEntryAfter(List<(Passage Entry, Passage? Exit)> spans, Passage entry)
    {
        var i = spans.FindIndex(s => ReferenceEquals(s.Entry, entry));
        return i + 1 < spans.Count ? spans[i + 1].Entry : null;
    }

    /// <summary>Vehicle, then time, entries before exits at the same instant, then id: a total order on the
    /// fields that matter, so the chosen duplicate and every output order are independent of input order.</summary>
    private static readonly Comparer<Passage> PassageOrder = Comparer<Passage>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.EnterpriseId, b.EnterpriseId);
        if (c == 0) c = string.CompareOrdinal(a.Vehicle.Plate.Text, b.Vehicle.Plate.Text);
        if (c == 0) c = a.Vehicle.Color.CompareTo(b.Vehicle.Color);
        if (c == 0) c = a.Time.UtcTicks.CompareTo(b.Time.UtcTicks);
        if (c == 0) c = a.Direction.CompareTo(b.Direction);
        if (c == 0) c = string.CompareOrdinal(a.PassageId, b.PassageId);
        if (c == 0) c = string.CompareOrdinal(a.GateId, b.GateId);
        return c;
    });

    private static readonly Comparer<Weighing> WeighingOrder = Comparer<Weighing>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.EnterpriseId, b.EnterpriseId);
        if (c == 0) c = string.CompareOrdinal(a.Vehicle.Plate.Text, b.Vehicle.Plate.Text);
        if (c == 0) c = a.Vehicle.Color.CompareTo(b.Vehicle.Color);
        if (c == 0) c = a.Time.UtcTicks.CompareTo(b.Time.UtcTicks);
        if (c == 0) c = string.CompareOrdinal(a.WeighingId, b.WeighingId);
        if (c == 0) c = a.Kg.CompareTo(b.Kg);
        if (c == 0) c = string.CompareOrdinal(a.CargoName, b.CargoName);
        return c;
    });
}
