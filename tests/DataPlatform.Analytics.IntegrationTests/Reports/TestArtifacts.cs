using SkiaSharp;

namespace DataPlatform.Analytics.IntegrationTests.Reports;

/// <summary>Files a test keeps for a person to look at: <c>TestResults/artifacts/&lt;area&gt;</c> of this test
/// project (or <c>DATAPLATFORM_TEST_ARTIFACTS</c> when set).</summary>
public static class TestArtifacts
{
    public static string Folder(string area)
    {
        var root = Environment.GetEnvironmentVariable("DATAPLATFORM_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(ProjectFolder(), "TestResults", "artifacts");
        return Directory.CreateDirectory(Path.Combine(root, area)).FullName;
    }

    private static string ProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (dir.GetFiles("*.csproj").Length > 0) return dir.FullName;
        return AppContext.BaseDirectory;
    }
}

/// <summary>How much of a PNG is not (near) white: a blank page is ~0.</summary>
public static class PngInk
{
    public static double NonWhiteShare(string png)
    {
        using var bitmap = SKBitmap.Decode(png);
        long ink = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red < 230 || c.Green < 230 || c.Blue < 230) ink++;
            }
        return (double)ink / (bitmap.Width * (long)bitmap.Height);
    }
}
