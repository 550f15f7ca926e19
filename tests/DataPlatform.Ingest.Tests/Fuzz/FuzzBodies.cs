using System.Text;
using DataPlatform.Ingest.Adapters;
using FsCheck;
using FsCheck.Fluent;

namespace DataPlatform.Ingest.Tests.Fuzz;

/// <summary>Bodies for the "no input reaches a 500" properties: arbitrary bytes, an endpoint's own template filled
/// with extreme values (dates at the ends of the calendar, numbers beyond double and long, invalid UTF-8 and
/// escaped lone surrogates inside strings and property names, characters that split when clipped), and valid
/// bodies cut short or with a byte flipped.</summary>
public static class FuzzBodies
{
    public static readonly string[] Times =
    [
        "9999-12-31T23:59:59Z", "9999-12-31T23:59:59+08:00", "9999-12-31T23:59:59-12:00", "9999-12-31 23:59:59.9999999",
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "0001-01-01 00:00:00", "0001-01-01T07:59:59", "00010101000000",
        "99991231235959999", "1999-12-31T23:59:59+08:00", "2026-13-45T25:61:61Z", "2026-11-28T10:15:30+08:00", "", "now",
    ];

    public static readonly string[] Numbers =
    [
        "0", "-1", "1e309", "-1e309", "1e-400", "9223372036854775808", "-9223372036854775809", "1.7976931348623157E+308",
        "4.9E-324", "NaN", "\"Infinity\"", "255", "256", "1", "2", "99999999999999999999999999999999999999", "null", "[]", "{}", "\"1\"",
    ];

    private static readonly byte[][] Texts =
    [
        [0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x80], [0xE5, 0x86],
        Encoding.UTF8.GetBytes("\\ud800"), Encoding.UTF8.GetBytes("\\udc00x"), Encoding.UTF8.GetBytes("\\u0000"),
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("😀", 45))), Encoding.UTF8.GetBytes("冀B12345"),
        Encoding.UTF8.GetBytes("冀B·12345"), [0x01], Encoding.UTF8.GetBytes("\\\""), Encoding.UTF8.GetBytes(new string('x', 5000)),
        Encoding.UTF8.GetBytes("<![CDATA[x]]>"), Encoding.UTF8.GetBytes("&xxe;"),
    ];

    private static readonly Gen<byte[]> Text = Gen.OneOf(
        Gen.Elements(Texts),
        // Invalid UTF-8 somewhere inside ordinary text.
        Gen.Zip(Gen.Elements(Texts), Gen.Choose(0, 7)).Select(p => Encoding.UTF8.GetBytes("冀B1234"[..Math.Min(p.Item2, 6)]).Concat(p.Item1).ToArray()));

    /// <summary>The template with <c>{time}</c>, <c>{num}</c>, <c>{text}</c> and <c>{name}</c> replaced (the last
    /// two as raw bytes, so invalid UTF-8 lands inside a string value and a property name).</summary>
    public static byte[] Fill(string template, string time, string number, byte[] text, byte[] name, int n)
    {
        var filled = new List<byte>();
        var rest = template.Replace("{time}", time).Replace("{num}", number).Replace("{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        while (rest.Length > 0)
        {
            var at = rest.IndexOf('{', StringComparison.Ordinal);
            var isText = at >= 0 && rest.AsSpan(at).StartsWith("{text}");
            var isName = at >= 0 && rest.AsSpan(at).StartsWith("{name}");
            if (!isText && !isName)
            {
                var upTo = at < 0 ? rest.Length : at + 1;
                filled.AddRange(Encoding.UTF8.GetBytes(rest[..upTo]));
                rest = rest[upTo..];
                continue;
            }
            filled.AddRange(Encoding.UTF8.GetBytes(rest[..at]));
            filled.AddRange(isText ? text : name);
            rest = rest[(at + 6)..];
        }
        return [.. filled];
    }

    public static Gen<byte[]> For(FuzzEndpoint endpoint)
    {
        var templated =
            from time in Gen.Elements(Times)
            from number in Gen.Elements(Numbers)
            from text in Text
            from name in Gen.OneOf(Text, Gen.Constant("extra"u8.ToArray()))
            from n in Gen.Choose(0, 1_000_000)
            select Fill(endpoint.Template, time, number, text, name, n);
        var valid = Fill(endpoint.Template, "2026-11-28T10:15:30+08:00", "1", "冀B12345"u8.ToArray(), "extra"u8.ToArray(), 7);
        return Gen.Frequency(
            (2, ArbMap.Default.GeneratorFor<byte[]>().Select(b => b ?? [])),
            (6, templated),
            (2, Generators.Garbage(valid)));
    }

    /// <summary>For the Hikvision endpoint: the same documents alone or in a multipart body with a picture part
    /// that is a JPEG, empty (a camera that failed to grab the frame) or garbage.</summary>
    public static Gen<(byte[] Body, string ContentType)> Hikvision(FuzzEndpoint endpoint) =>
        from document in For(endpoint)
        from shape in Gen.Choose(0, 4)
        from picture in Gen.Elements(Fixtures.Jpeg(3), Array.Empty<byte>(), "not a picture"u8.ToArray(), Fixtures.Png())
        select shape switch
        {
            0 or 1 => (document, shape == 0 ? "application/xml" : "text/plain"),
            2 => (Multipart.Write(Fixtures.Boundary, [new("anpr.xml", "anpr.xml", "application/xml", document), new("licensePlatePicture.jpg", "licensePlatePicture.jpg", "image/jpeg", picture)]),
                Fixtures.MultipartContentType),
            3 => (Multipart.Write(Fixtures.Boundary, [new("anpr.xml", "anpr.xml", "application/xml", document), new(null, null, null, picture)])[..^4], Fixtures.MultipartContentType),
            _ => (document, "multipart/form-data; boundary=\"\""),
        };
}
