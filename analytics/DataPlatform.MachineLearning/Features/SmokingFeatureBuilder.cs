using DataPlatform.Gate.Calendar;

namespace DataPlatform.MachineLearning.Features;

/// <summary>
/// Builds smoking-risk examples. Everything is counted strictly before the cut-off: readings, the fleet's readings
/// (without the vehicle's own), entries and denials. Training examples are "predict the next reading": at each
/// reading of a vehicle, the features of what came before and the label "this reading was over the limit"; reviewed
/// flags add an example at the review time with the reviewer's verdict. The simulator's smoker labels are never
/// an input. Pure.
/// </summary>
public sealed class SmokingFeatureBuilder
{
    private readonly Dictionary<string, List<OpacityObservation>> _readings;
    private readonly Dictionary<string, List<OpacityObservation>> _byCarrier;
    private readonly IReadOnlyDictionary<string, VehicleProfile> _profiles;
    private readonly Dictionary<string, List<DateTimeOffset>> _entries;
    private readonly Dictionary<string, List<DateTimeOffset>> _denials;
    private readonly int _typicalStage;
    private readonly DateOnly[] _registerDates;

    public SmokingFeatureBuilder(IReadOnlyDictionary<string, VehicleProfile> profiles, IEnumerable<OpacityObservation> readings,
        IEnumerable<(string Plate, DateTimeOffset At, bool Denied)> entries)
    {
        _profiles = profiles;
        // An unknown attribute takes the fleet's median, not −1: a tree splits numbers by order, so −1 would read an
        // unknown stage as "older than 国四" (and an unknown register date as a brand-new vehicle). StageKnown says which.
        _typicalStage = Median(profiles.Values.Select(p => p.Stage), 50);
        _registerDates = [.. profiles.Values.Select(p => p.RegisterDate).OfType<DateOnly>().Order()];
        _readings = readings.GroupBy(r => r.Plate, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(r => r.At).ToList(), StringComparer.Ordinal);
        _byCarrier = _readings.Values.SelectMany(r => r)
            .GroupBy(r => Carrier(r.Plate), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(r => r.At).ToList(), StringComparer.Ordinal);
        var list = entries.ToList();
        _entries = list.GroupBy(e => e.Plate, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.At).Order().ToList(), StringComparer.Ordinal);
        _denials = list.Where(e => e.Denied).GroupBy(e => e.Plate, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.At).Order().ToList(), StringComparer.Ordinal);
    }

    /// <summary>Every plate known: profiles, readings, passages.</summary>
    public IEnumerable<string> Plates => _profiles.Keys.Concat(_readings.Keys).Concat(_entries.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    public IReadOnlyList<OpacityObservation> ReadingsOf(string plate) => _readings.TryGetValue(plate, out var r) ? r : [];

    private string Carrier(string plate) => _profiles.TryGetValue(plate, out var p) && p.Carrier.Length > 0 ? p.Carrier : "?";

    public SmokingFeatures Build(string plate, DateTimeOffset cutoff)
    {
        var own = ReadingsOf(plate).Where(r => r.At < cutoff).ToList();
        var ks = own.Select(r => r.K ?? KFromOpacity(r.OpacityPercent)).ToList();
        var carrier = Carrier(plate);
        var fleet = (carrier == "?" ? [] : _byCarrier.GetValueOrDefault(carrier) ?? []).Where(r => r.At < cutoff && r.Plate != plate).ToList();
        var profile = _profiles.GetValueOrDefault(plate);
        var fuel = profile?.Fuel ?? "";
        return new SmokingFeatures
        {
            Plate = plate,
            HasReadings = own.Count > 0 ? 1 : 0,
            ReadingCount = own.Count,
            LastK = ks.Count > 0 ? (float)ks[^1] : 0,
            MaxK = ks.Count > 0 ? (float)ks.Max() : 0,
            MeanK = ks.Count > 0 ? (float)ks.Average() : 0,
            KTrendPer30Days = (float)Slope(own.Select(r => (r.At - cutoff).TotalDays / 30).ToList(), ks),
            OverLimitShare = own.Count > 0 ? (float)own.Count(r => r.OverLimit) / own.Count : 0,
            DaysSinceLastReading = own.Count > 0 ? (float)(cutoff - own[^1].At).TotalDays : -1,
            Stage = profile?.Stage ?? _typicalStage,
            StageKnown = profile?.Stage is null ? 0 : 1,
            IsDiesel = fuel is "B" or "diesel" or "柴油" ? 1 : 0,
            IsGas = fuel is "E" or "F" or "natural-gas" or "天然气" or "LNG" or "CNG" ? 1 : 0,
            IsHazmat = profile?.UseNature == "R" ? 1 : 0,
            IsTractor = profile?.VehicleType.StartsWith('Q') == true ? 1 : 0,
            RegisterAgeYears = RegisterAge(profile?.RegisterDate, cutoff),
            CarrierOverLimitShare = fleet.Count > 0 ? (float)fleet.Count(r => r.OverLimit) / fleet.Count : 0,
            CarrierReadings = fleet.Count,
            Entries = Before(_entries, plate, cutoff),
            Denials = Before(_denials, plate, cutoff),
        };
    }

    /// <summary>One example per reading (features before it, label = it was over the limit), plus reviewed verdicts.</summary>
    public IEnumerable<SmokingFeatures> TrainingExamples(DateTimeOffset cutoff, IEnumerable<(string Plate, DateTimeOffset At, bool Smokes)> reviewed)
    {
        foreach (var (plate, list) in _readings.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            foreach (var reading in list.Where(r => r.At < cutoff))
            {
                var example = Build(plate, reading.At);
                example.Label = reading.OverLimit;
                yield return example;
            }
        foreach (var (plate, at, smokes) in reviewed.Where(r => r.At < cutoff))
        {
            var example = Build(plate, at);
            example.Label = smokes;
            yield return example;
        }
    }

    /// <summary>Years registered at the cut-off (see <see cref="SmokingFeatures.RegisterAgeYears"/>): only dates on or
    /// before the cut-off's China day are known then, for the vehicle and for the median that stands in for it.</summary>
    private float RegisterAge(DateOnly? registered, DateOnly cutoffDay)
    {
        if (registered is { } own && own <= cutoffDay) return Years(own, cutoffDay);
        var known = UpperBound(_registerDates, cutoffDay);
        return known == 0 ? 0 : Years(_registerDates[known / 2], cutoffDay);
    }

    private float RegisterAge(DateOnly? registered, DateTimeOffset cutoff) => RegisterAge(registered, ChinaHolidays.DayOf(cutoff));

    private static float Years(DateOnly from, DateOnly to) => (float)((to.DayNumber - from.DayNumber) / 365.25);

    /// <summary>How many of the sorted dates are on or before <paramref name="day"/>.</summary>
    private static int UpperBound(DateOnly[] sorted, DateOnly day)
    {
        var index = Array.BinarySearch(sorted, day.AddDays(1));
        if (index < 0) return ~index;
        while (index > 0 && sorted[index - 1] == day.AddDays(1)) index--;
        return index;
    }

    private static int Median(IEnumerable<int?> values, int none)
    {
        var known = values.OfType<int>().Order().ToList();
        return known.Count == 0 ? none : known[known.Count / 2];
    }

    private static int Before(Dictionary<string, List<DateTimeOffset>> index, string plate, DateTimeOffset cutoff) =>
        index.TryGetValue(plate, out var times) ? times.Count(t => t < cutoff) : 0;

    /// <summary>k from opacity on the standard 0.43 m path: N = 100·(1 − e^(−k·L)).</summary>
    public static double KFromOpacity(double? opacityPercent) =>
        opacityPercent is { } n and > 0 and < 100 ? -Math.Log(1 - n / 100) / 0.43 : 0;

    public static double Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count < 2) return 0;
        var mx = x.Average();
        var my = y.Average();
        var sxx = x.Sum(v => (v - mx) * (v - mx));
        return sxx < 1e-9 ? 0 : x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my)) / sxx;
    }
}
