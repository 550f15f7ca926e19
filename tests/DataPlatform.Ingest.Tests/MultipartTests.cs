using DataPlatform.Ingest.Adapters;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Ingest.Tests;

public sealed class MultipartTests
{
    private static Gen<MultipartPart> Part =>
        from name in Gen.Elements("anpr.xml", "licensePlatePicture.jpg", "detectionPicture.jpg", "x")
        from type in Gen.Elements<string?>("image/jpeg", "application/xml", null)
        from body in ArbMap.Default.GeneratorFor<byte[]>()
        select new MultipartPart(name, name, type, body ?? []);

    [Property]
    public Property Written_parts_read_back_unchanged() =>
        Prop.ForAll(Part.NonEmptyListOf().ToArbitrary(), parts =>
        {
            var list = parts.Take(Multipart.MaxParts).ToList();
            var ok = Multipart.TryParse(Multipart.Write("b0undary-x", list), "b0undary-x", out var read, out _);
            return ok && read.Count == list.Count && read.Zip(list).All(p =>
                p.First.Name == p.Second.Name && p.First.ContentType == p.Second.ContentType && p.First.Body.AsSpan().SequenceEqual(p.Second.Body));
        });

    [Property]
    public Property Garbage_is_refused_with_a_reason_never_an_exception(byte[] garbage) =>
        (Multipart.TryParse(garbage ?? [], "b", out var parts, out var reason) ? parts.Count > 0 : reason.Length > 0).ToProperty();

    [Fact]
    public void A_body_cut_before_its_closing_boundary_is_truncated()
    {
        var bytes = Multipart.Write("zz", [new("a", null, "text/plain", [1, 2, 3])]);
        Assert.False(Multipart.TryParse(bytes.AsSpan(0, bytes.Length - 8), "zz", out _, out var reason));
        Assert.Contains("truncated", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=abc", "abc")]
    [InlineData("multipart/form-data; boundary=\"MIME_boundary\"", "MIME_boundary")]
    [InlineData("application/xml", null)]
    [InlineData("multipart/form-data", null)]
    public void Boundary_comes_from_the_content_type(string contentType, string? expected) =>
        Assert.Equal(expected, Multipart.Boundary(contentType));
}
