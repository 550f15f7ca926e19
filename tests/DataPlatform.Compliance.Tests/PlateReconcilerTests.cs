using DataPlatform.Compliance.Plates;
using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Compliance.Tests;

public sealed class PlateReconcilerTests
{
    private static PlateRead Camera(string text, double? confidence = 0.95, PlateColor color = PlateColor.Yellow, string source = "camera:cam-01") =>
        new(text, color, confidence, source);

    private static PlateRead ETag(string text, PlateColor color = PlateColor.Yellow) => new(text, color, null, "etag");

    [Theory]
    [InlineData("冀B12345", "冀B12345", 0)]
    [InlineData("冀B12345", "冀B1234S", 0.5)]
    [InlineData("冀B12345", "冀B12346", 1)]
    [InlineData("冀B1D3Q5", "冀B10305", 1)]
    [InlineData("冀B12345", "冀B1234", 1)]
    [InlineData("", "冀B12345", 7)]
    public void Confusable_edit_distance(string a, string b, double expected)
    {
        Assert.Equal(expected, ConfusableEditDistance.Compute(a, b));
        Assert.Equal(expected, ConfusableEditDistance.Compute(b, a));
    }

    [Fact]
    public void Confusable_groups_and_skeleton()
    {
        Assert.True(ConfusableCharacters.AreConfusable('0', 'D'));
        Assert.True(ConfusableCharacters.AreConfusable('Q', '0'));
        Assert.True(ConfusableCharacters.AreConfusable('8', 'B'));
        Assert.True(ConfusableCharacters.AreConfusable('1', 'I'));
        Assert.False(ConfusableCharacters.AreConfusable('1', '7'));
        Assert.False(ConfusableCharacters.AreConfusable('5', '5'));
        Assert.Equal(ConfusableCharacters.Skeleton("冀B8Z5S0"), ConfusableCharacters.Skeleton("冀88255D"));
        Assert.NotEqual(ConfusableCharacters.Skeleton("冀B12345"), ConfusableCharacters.Skeleton("京B12345"));
        Assert.Equal([6], ConfusableEditDistance.ConfusableDifferences("冀B1234S", "冀B12345", 2));
        Assert.Null(ConfusableEditDistance.ConfusableDifferences("冀B1234S", "冀B12346", 2));
        Assert.Null(ConfusableEditDistance.ConfusableDifferences("冀88Z34S", "冀B82345", 2));
    }

    [Fact]
    public void A_confident_read_with_nothing_against_it_is_accepted_as_is()
    {
        var result = Assert.IsType<PlateAccepted>(PlateReconciler.Reconcile(Camera("冀C·12345"), [], null, Registry));
        Assert.Equal("冀C12345", result.Plate.Text);
        Assert.False(result.Corrected);
        Assert.Equal(PlateColor.Yellow, result.Color);
    }

    [Fact]
    public void A_low_confidence_read_alone_goes_to_review()
    {
        var result = Assert.IsType<PlateReviewRequired>(PlateReconciler.Reconcile(Camera("冀C12345", 0.62), [], null, Registry));
        Assert.Contains("置信度 0.62 低于阈值 0.90", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_low_confidence_read_confirmed_by_the_etag_is_accepted_uncorrected()
    {
        var result = Assert.IsType<PlateAccepted>(PlateReconciler.Reconcile(Camera("冀B12345", 0.5), [], ETag("冀B12345"), Registry));
        Assert.False(result.Corrected);
        Assert.Contains(result.Evidence, e => e.Source == "etag");
    }

    [Fact]
    public void A_confusable_misread_is_corrected_from_etag_and_registry_with_the_evidence()
    {
        var result = Assert.IsType<PlateAccepted>(PlateReconciler.Reconcile(Camera("冀B1234S"), [], ETag("冀B12345"), Registry));
        Assert.Equal("冀B12345", result.Plate.Text);
        Assert.True(result.Corrected);
        Assert.Equal("冀B1234S", result.PrimaryText);
        Assert.Contains(result.Evidence, e => e.Source == "etag" && e.PlateText == "冀B12345");
        Assert.Contains(result.Evidence, e => e.Source == PlateReconciler.RegistrySource);
        Assert.Contains(result.Evidence, e => e.Detail.Contains("第7位 S→5", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_read_is_corrected_when_two_cameras_agree()
    {
        var result = Assert.IsType<PlateAccepted>(PlateReconciler.Reconcile(
            Camera("冀C1I345", 0.7), [Camera("冀C11345", 0.93, source: "camera:cam-02"), Camera("冀C11345", 0.96, source: "camera:cam-03")],
            null, VehicleRegistry.Empty));
        Assert.Equal("冀C11345", result.Plate.Text);
        Assert.True(result.Corrected);
    }

    [Fact]
    public void A_single_source_is_not_enough_to_correct()
    {
        var result = Assert.IsType<PlateReviewRequired>(PlateReconciler.Reconcile(
            Camera("冀C1234S"), [], ETag("冀C12345"), VehicleRegistry.Empty));
        Assert.Contains("证据不足", result.Reason, StringComparison.Ordinal);
        Assert.Equal(["冀C1234S", "冀C12345"], result.Candidates);
    }

    [Fact]
    public void Conflicting_sources_go_to_review()
    {
        var conflict = Assert.IsType<PlateReviewRequired>(PlateReconciler.Reconcile(
            Camera("冀B12345"), [Camera("冀B67890", source: "camera:cam-02")], ETag("冀B12345"), Registry));
        Assert.Contains("来源冲突", conflict.Reason, StringComparison.Ordinal);
        Assert.Contains("冀B67890", conflict.Candidates);

        var notConfusable = Assert.IsType<PlateReviewRequired>(PlateReconciler.Reconcile(
            Camera("冀B12346"), [], ETag("冀B12345"), Registry));
        Assert.Contains("不是易混字符", notConfusable.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_low_confidence_second_camera_is_ignored()
    {
        var result = Assert.IsType<PlateAccepted>(PlateReconciler.Reconcile(
            Camera("冀C12345"), [Camera("冀C67890", 0.4, source: "camera:cam-02")], null, Registry));
        Assert.Equal("冀C12345", result.Plate.Text);
    }

    [Fact]
    public void Both_plates_registered_is_not_corrected()
    {
        var registry = Registry.With(Truck("冀B1234S", EmissionStage.Guo5));
        var result = Assert.IsType<PlateReviewRequired>(PlateReconciler.Reconcile(
            Camera("冀B1234S"), [Camera("冀B12345", source: "camera:cam-02")], ETag("冀B12345"), registry));
        Assert.Contains("均为登记车辆", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unregistered_confident_read_with_a_registered_look_alike_goes_to_review()
    {
        var result = Assert.IsType<PlateReviewRequired>(PlateReconciler.Reconcile(Camera("冀B1234S"), [], null, Registry));
        Assert.Contains("易混号牌 冀B12345", result.Reason, StringComparison.Ordinal);
        var relaxed = PlateReconciler.Reconcile(Camera("冀B1234S"), [], null, Registry, new ReconcilerOptions(ReviewRegistryLookAlikes: false));
        Assert.False(Assert.IsType<PlateAccepted>(relaxed).Corrected);
    }

    [Fact]
    public void Unknown_colour_is_filled_from_the_etag_and_a_colour_conflict_goes_to_review()
    {
        var filled = Assert.IsType<PlateAccepted>(PlateReconciler.Reconcile(
            Camera("冀B67890", color: PlateColor.Unknown), [], ETag("冀B67890", PlateColor.Yellow), Registry));
        Assert.Equal(PlateColor.Yellow, filled.Color);
        Assert.Contains(filled.Evidence, e => e.Detail.Contains("号牌颜色取自电子标识", StringComparison.Ordinal));

        var fromRegistry = Assert.IsType<PlateAccepted>(PlateReconciler.Reconcile(
            Camera("冀B67890", color: PlateColor.Unknown), [], null, Registry));
        Assert.Equal(PlateColor.Yellow, fromRegistry.Color);

        Assert.IsType<PlateReviewRequired>(PlateReconciler.Reconcile(
            Camera("冀B67890", color: PlateColor.Blue), [], ETag("冀B67890", PlateColor.Yellow), Registry));
    }
}
