using DataPlatform.Compliance.Plates;
using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Compliance.Tests;

public sealed class PlateReconcilerProperties
{
    public sealed record Input(PlateRead Primary, IReadOnlyList<PlateRead> Seconds, PlateRead? ETag, IReadOnlyList<string> Registered)
    {
        public VehicleRegistry Registry => VehicleRegistry.Create(Registered.Distinct()
            .Where(t => PlateNumber.TryParse(t, out _, out _)).Select(t => Truck(t, EmissionStage.Guo5)));

        public override string ToString() =>
            $"primary {Primary} | seconds [{string.Join(", ", Seconds)}] | etag {ETag} | registry [{string.Join(",", Registered)}]";
    }

    private const string Confusable = "0DQ8B1I2Z5S6G";

    // Plates built from confusable characters, so random swaps often give another valid plate.
    private static readonly Gen<string> Base =
        from letter in Gen.Elements("B", "D", "Z")
        from serial in Gens.Chars("0D8B25S6G1", 5)
        select "冀" + letter + serial;

    private static Gen<string> Mutate(string text) =>
        from count in Gen.Choose(0, 3)
        from positions in Gen.ArrayOf(Gen.Choose(1, text.Length - 1), count)
        from replacements in Gen.ArrayOf(Gen.Elements(Confusable.ToCharArray()), count)
        select positions.Zip(replacements).Aggregate(text, (t, p) =>
            string.Concat(t.AsSpan(0, p.First), p.Second.ToString(), t.AsSpan(p.First + 1)));

    private static Gen<PlateRead> Read(Gen<string> text, string source) =>
        from t in text
        from confidence in Gen.Elements<double?>(null, 0.3, 0.85, 0.9, 0.97)
        from color in Gen.Elements(PlateColor.Yellow, PlateColor.Yellow, PlateColor.Unknown, PlateColor.Blue)
        select new PlateRead(t, color, confidence, source);

    private static readonly Gen<Input> InputGen =
        from truth in Base
        from other in Base
        let variants = Gen.OneOf(Gen.Constant(truth), Mutate(truth), Gen.Constant(other))
        from primary in Read(variants, "camera:primary")
        from secondCount in Gen.Choose(0, 3)
        from seconds in Gen.ArrayOf(Read(variants, "camera:second"), secondCount)
        from hasETag in Gen.Elements(true, false)
        from etag in Read(variants, "etag")
        from registered in Gen.ListOf(variants)
        select new Input(primary, seconds.Select((r, i) => r with { Source = $"camera:cam-0{i + 2}" }).ToList(),
            hasETag ? etag with { Confidence = null } : null, registered.ToList());

    [Property(MaxTest = 2000)]
    public Property Reconciliation_never_returns_a_corrected_plate_without_evidence() =>
        Prop.ForAll(InputGen.ToArbitrary(), input =>
        {
            var result = PlateReconciler.Reconcile(input.Primary, input.Seconds, input.ETag, input.Registry);
            var primaryText = PlateNormalizer.Normalize(input.Primary.Text);
            if (result is PlateReviewRequired review)
            {
                Assert.False(string.IsNullOrWhiteSpace(review.Reason));
                return;
            }
            var accepted = Assert.IsType<PlateAccepted>(result);
            Assert.Equal(accepted.Plate.Text != primaryText, accepted.Corrected);
            if (!accepted.Corrected)
                return;
            // The corrected text was read by an independent source that counts (e-tag, or a confident camera) …
            var readers = input.Seconds.Where(s => (s.Confidence ?? 1) >= 0.9).Append(input.ETag).OfType<PlateRead>()
                .Where(s => PlateNormalizer.Normalize(s.Text) == accepted.Plate.Text).Select(s => s.Source).ToList();
            Assert.NotEmpty(readers);
            // … the evidence names at least two independent supports besides the primary …
            var supports = accepted.Evidence.Where(e => e.Source != PlateReconciler.PrimarySource && e.PlateText == accepted.Plate.Text)
                .Select(e => e.Source).Distinct().Count();
            Assert.True(supports >= 2, $"only {supports} supports: {string.Join(" / ", accepted.Evidence)}");
            Assert.Contains(accepted.Evidence, e => readers.Contains(e.Source));
            // … and it only swapped confusable characters of the primary read.
            Assert.NotNull(ConfusableEditDistance.ConfusableDifferences(primaryText, accepted.Plate.Text, 2));
        });

    [Property(MaxTest = 1000)]
    public Property Low_confidence_reads_without_corroboration_are_never_accepted() =>
        Prop.ForAll(InputGen.ToArbitrary(), input =>
        {
            var lonely = input with { Seconds = [], ETag = null, Primary = input.Primary with { Confidence = 0.5 } };
            Assert.IsType<PlateReviewRequired>(PlateReconciler.Reconcile(lonely.Primary, [], null, lonely.Registry));
        });
}
