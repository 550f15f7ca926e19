using FsCheck;
using FsCheck.Fluent;

namespace DataPlatform.RegulatorBridge.Tests;

/// <summary>Shared FsCheck generators.</summary>
internal static class Gens
{
    // Valid Unicode only (lone surrogates are refused by design, see SigningProperties): ASCII including the
    // sign string's own separators, JSON-special characters, CJK, a supplementary-plane ideograph, an emoji,
    // combining and precomposed forms that look alike (no normalisation must happen), full-width letters.
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", "9", "&", "=", " ", "\"", "\\", "/", "\n", "\t", "{", "}", ":",
        "冀", "B", "京", "津", "焦炭", "国六", "蓝", "黄绿双拼", "禁止国四及以下重型柴油货车进入", "·",
        "𠀀", "🚚", "é", "e\u0301", "Ａ", "\u3000", "ー",
    ];

    public static Gen<string> UnicodeText(int minPieces, int maxPieces) =>
        from n in Gen.Choose(minPieces, maxPieces)
        from parts in Gen.ArrayOf(Gen.Elements(Pieces), n)
        select string.Concat(parts);
}
