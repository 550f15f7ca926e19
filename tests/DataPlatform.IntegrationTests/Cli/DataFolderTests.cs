using DataPlatform.Cli.Hosting;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Cli;

/// <summary>One variable names the data folder for every command: <c>standalone</c> and <c>engines</c> took only
/// <c>--data</c>, so <c>export DATAPLATFORM_DATA=DIR</c> sent <c>sql</c> and <c>health</c> to DIR while the platform
/// kept its ledger in the default folder.</summary>
public sealed class DataFolderTests
{
    [Theory]
    [InlineData("standalone")]
    [InlineData("engines")]
    public async Task The_engines_data_folder_defaults_to_DATAPLATFORM_DATA(string command)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dataplatform-tests", "data-" + Guid.NewGuid().ToString("N"));
        var (exit, output) = await CliProcess.RunAsync(new Dictionary<string, string> { [LocalEndpoints.DataVariable] = folder }, command, "--help");
        Assert.True(exit == 0, output);
        Assert.Contains($"[default: {folder}]", output);
        // Help only: nothing was started, so nothing was created.
        Assert.False(Directory.Exists(folder));
    }
}
