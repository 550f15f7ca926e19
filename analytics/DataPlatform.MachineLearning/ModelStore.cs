using System.Globalization;
using DataPlatform.Gate;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.MachineLearning;

/// <summary>Where model files live and how versions are named: <c>&lt;kind&gt;-yyyyMMddHHmmss</c> in China time,
/// one file <c>&lt;version&gt;.zip</c> under the model directory.</summary>
public sealed class ModelStore(IOptions<MachineLearningOptions> options, IOptions<ClickHouseOptions> clickHouse)
{
    public string Directory => options.Value.ModelDirectory is { Length: > 0 } dir ? dir
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "dataplatform", "models", clickHouse.Value.Database);

    public static string Version(string kind, DateTimeOffset at) =>
        kind + "-" + ChinaTime.From(at).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public string PathOf(string version) => Path.Combine(Directory, version + ".zip");
}
